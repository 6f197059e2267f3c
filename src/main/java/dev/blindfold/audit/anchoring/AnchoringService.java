package dev.blindfold.audit.anchoring;

import dev.blindfold.agreement.Krippendorff;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.facts.FactReads;
import dev.blindfold.facts.FactReads.AlphaInputs;
import dev.blindfold.facts.FactSums;
import dev.blindfold.facts.LabelFact;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Per-annotator anchoring, weekly drift and flags of one project, read from the kept label facts
 * ({@link dev.blindfold.facts}): sums per annotator and week, each week's alpha from its kept integers, each annotator's
 * median blind time from an index, and the first {@link #FLAGS_SHOWN} flags (all of them stream from
 * {@link #forEachFlag}). Nothing here reads the log or holds a row per label.
 */
@ApplicationScoped
public class AnchoringService {

    /** Flags a report or page lists; the rest are counted, and the flags table (CSV, JSON) has them all. */
    public static final int FLAGS_SHOWN = 200;
    private static final int PAGE = 500;
    private static final int TIMEOUT_SECONDS = 600;

    /** The project with its report. */
    public record ProjectAnchoring(Project project, AnchoringTables report) {
    }

    private final EntityManager em;
    private final ProjectService projects;
    private final FactReads facts;

    AnchoringService(EntityManager em, ProjectService projects, FactReads facts) {
        this.em = em;
        this.projects = projects;
        this.facts = facts;
    }

    /** The report; a 404 problem for an unknown project. */
    public ProjectAnchoring report(long projectId) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            Project project = projects.find(projectId);
            Map<Long, FactSums> byAnnotator = facts.byAnnotator(projectId);
            Map<Long, String> names = usernames(byAnnotator.keySet());
            List<AnnotatorAnchoring> rows = new ArrayList<>();
            for (Map.Entry<Long, FactSums> a : byAnnotator.entrySet()) {
                rows.add(row(names.get(a.getKey()), a.getValue(),
                        facts.medianBlindMs(projectId, a.getKey(), a.getValue().timed())));
            }
            rows.sort(Comparator.comparing(AnnotatorAnchoring::username));
            List<AnchoringFlag> flags = new ArrayList<>();
            long flagsTotal = 0;
            for (FactSums s : byAnnotator.values()) {
                flagsTotal += s.flags();
            }
            flags(projectId, byAnnotator.keySet(), names, FLAGS_SHOWN, flags::add);
            return new ProjectAnchoring(project, new AnchoringTables(rows, drift(projectId), flags, flagsTotal,
                    exposure(byAnnotator)));
        });
    }

    /** Every flag of the project, by annotator, then commit time, read a page at a time in a read transaction. */
    public void forEachFlag(long projectId, Consumer<AnchoringFlag> sink) {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
            projects.find(projectId);
            Map<Long, FactSums> byAnnotator = facts.byAnnotator(projectId);
            flags(projectId, byAnnotator.keySet(), usernames(byAnnotator.keySet()), Long.MAX_VALUE, sink);
        });
    }

    private void flags(long projectId, java.util.Set<Long> annotators, Map<Long, String> names, long limit,
                       Consumer<AnchoringFlag> sink) {
        List<Long> byName = new ArrayList<>(annotators);
        byName.sort(Comparator.comparing(names::get));
        long[] left = {limit};
        for (Long annotator : byName) {
            Instant afterAt = null;
            long afterId = 0;
            while (left[0] > 0) {
                List<FactReads.Flagged> page = facts.flagged(projectId, annotator, afterAt, afterId, PAGE);
                for (FactReads.Flagged f : page) {
                    FactFlags.of(f, names.get(annotator), flag -> {
                        if (left[0] > 0) {
                            left[0]--;
                            sink.accept(flag);
                        }
                    });
                }
                if (page.size() < PAGE) {
                    break;
                }
                LabelFact last = page.get(page.size() - 1).fact();
                afterAt = last.committedAt();
                afterId = last.assignmentId();
                em.clear();
            }
        }
    }

    private static Map<String, Long> exposure(Map<Long, FactSums> byAnnotator) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (FactSums s : byAnnotator.values()) {
            s.exposure().forEach((c, n) -> counts.merge(c, n, Long::sum));
        }
        if (counts.isEmpty()) {
            for (ExposureClass c : ExposureClass.values()) {
                counts.put(c.wireName(), 0L);
            }
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    private static AnnotatorAnchoring row(String username, FactSums s, Double medianBlindMs) {
        return new AnnotatorAnchoring(username, s.labels(), s.revealed(), s.finals(), s.revealedFinals(),
                share(s.revised(), s.revealedFinals()), share(s.accepted(), s.revealedFinals()),
                s.closest() == 0 ? null : LabelFact.fromE9(s.closestFinalE9() - s.closestBlindE9()) / s.closest(),
                share(s.pastedChars(), s.blindChars()), s.pasteDominant(), medianBlindMs, s.focusLosses(),
                share(s.focusLosses(), s.labels()));
    }

    /** One row per ISO week from the first label's to the last's; weeks without labels between are empty. */
    private List<DriftWeek> drift(long projectId) {
        TreeMap<LocalDate, FactSums> weeks = facts.byWeek(projectId);
        Map<LocalDate, AlphaInputs> blind = facts.alphaInputs(projectId, "blind");
        Map<LocalDate, AlphaInputs> fin = facts.alphaInputs(projectId, "final");
        List<DriftWeek> drift = new ArrayList<>();
        if (weeks.isEmpty()) {
            return drift;
        }
        for (LocalDate day = weeks.firstKey(); !day.isAfter(weeks.lastKey()); day = day.plusWeeks(1)) {
            FactSums s = weeks.get(day);
            if (s == null || s.labels() == 0) {
                drift.add(new DriftWeek(day, DriftWeek.isoWeek(day), 0, null, null, 0, null, null));
                continue;
            }
            drift.add(new DriftWeek(day, DriftWeek.isoWeek(day), s.labels(), alpha(blind.get(day)), alpha(fin.get(day)),
                    s.revealedFinals(), share(s.accepted(), s.revealedFinals()),
                    s.closest() == 0 ? null : LabelFact.fromE9(s.closestFinalE9()) / s.closest()));
        }
        return drift;
    }

    private static Double alpha(AlphaInputs in) {
        if (in == null) {
            return null;
        }
        double alpha = Krippendorff.nominalAlpha(in.pairable(), in.chancePairs(), in.equalPairsBySize());
        return Double.isNaN(alpha) ? null : alpha;
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Annotator id → username, in one query. */
    private Map<Long, String> usernames(java.util.Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        em.createQuery("select u.id, u.username from User u where u.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> names.put((Long) r[0], (String) r[1]));
        ids.forEach(id -> names.putIfAbsent(id, "user " + id));
        return names;
    }
}
