package dev.blindfold.audit.bundle;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.exposure.LoggedEvent;
import dev.blindfold.provenance.chain.ChainedEvent;
import dev.blindfold.provenance.chain.EventHash;
import dev.blindfold.provenance.chain.EventType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads evidence.jsonl (bundle format 2): the first reveals, in other projects, that the bundle's seen_before_commit
 * tags rest on, one events.jsonl-shaped line each. A line is evidence only when it is a well-formed event whose bytes
 * match its own hash, a DRAFTS_REVEALED that is not a repeat, of another project than the bundle's, by an actor one
 * of the bundle's chains belongs to; any other line is an EVIDENCE_INVALID finding and is not used. Whether an
 * evidence line really is in its chain cannot be told offline (that chain is not in the bundle): its project's own
 * bundle or database verification tells. Held in memory, by actor: one event per such label at most.
 */
final class EvidenceFile {

    private final BundleManifest manifest;
    private final CappedFindings findings;
    private final EventHash hash = new EventHash();

    EvidenceFile(BundleManifest manifest, CappedFindings findings) {
        this.manifest = manifest;
        this.findings = findings;
    }

    /** The valid evidence by actor, in file order. */
    Map<Long, List<LoggedEvent>> read(LineReader lines) throws IOException {
        Set<Long> actors = manifest.chains().stream().map(BundleManifest.Chain::actorId).collect(Collectors.toSet());
        Map<Long, List<LoggedEvent>> byActor = new HashMap<>();
        for (byte[] raw = lines.next(); raw != null; raw = lines.next()) {
            long n = lines.lineNumber();
            if (raw.length == 0) {
                continue;
            }
            EventLine line;
            try {
                line = EventLine.parse(raw, n);
            } catch (EventLine.Malformed m) {
                invalid(n, null, "the line is not a well-formed event: " + m.getMessage());
                continue;
            }
            String problem = problem(line, actors);
            if (problem != null) {
                invalid(n, line.chained(), problem);
                continue;
            }
            byActor.computeIfAbsent(line.chained().actorId(), a -> new ArrayList<>()).add(line.logged());
        }
        return byActor;
    }

    private String problem(EventLine line, Set<Long> actors) {
        ChainedEvent e = line.chained();
        LoggedEvent logged = line.logged();
        if (!hash.matches(e)) {
            return "its bytes do not match its hash";
        }
        if (logged.type() != EventType.DRAFTS_REVEALED || logged.assignmentId() == null
                || logged.payload().path("repeat").asBoolean(true)) {
            return "it is not an assignment's first DRAFTS_REVEALED";
        }
        if (e.projectId() == manifest.projectId()) {
            return "it is an event of this bundle's project, whose events are in " + BundleManifest.EVENTS;
        }
        if (!actors.contains(e.actorId())) {
            return "no chain of this bundle belongs to actor " + e.actorId();
        }
        return null;
    }

    private void invalid(long line, ChainedEvent e, String detail) {
        findings.add(new BundleFinding(Kind.EVIDENCE_INVALID, BundleManifest.EVIDENCE, line,
                e == null ? null : e.actorId(), e == null ? 0 : e.seq(), detail));
    }
}
