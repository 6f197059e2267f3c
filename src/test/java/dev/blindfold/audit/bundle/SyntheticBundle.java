package dev.blindfold.audit.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.ExposureThresholds;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a valid audit bundle directory without a database, for the verify benchmark: {@code annotators} chains of
 * about {@code events / annotators} events each, labels cycling through blind_only, blind_kept, revised_after_reveal
 * and draft_accepted with the event mix the server writes (shown, client claims, commit, reveal of two drafts, final),
 * answers of ~200 and drafts of ~300 characters, a labels.jsonl tagged to match, and an empty evidence.jsonl (no
 * label shares content with another project's reveal).
 */
final class SyntheticBundle {

    private static final String[] WORDS = ("account password reset settings security link email phone support verify "
            + "sign page open choose click code device browser cache cookie login token expire request send inbox check "
            + "spam folder admin team policy minutes hours again help desk ticket answer user name recovery two factor")
            .split(" ");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROJECT = 1;

    private final Random random = new Random(42);
    private final OutputStream events;
    private final OutputStream labels;
    private long eventCount;
    private long labelCount;
    private long assignment;

    private SyntheticBundle(OutputStream events, OutputStream labels) {
        this.events = events;
        this.labels = labels;
    }

    record Written(long events, long labels) {
    }

    static Written write(Path dir, long events, int annotators) throws IOException {
        Files.createDirectories(dir);
        List<BundleManifest.Chain> chains = new ArrayList<>();
        SyntheticBundle b;
        try (OutputStream ev = new BufferedOutputStream(Files.newOutputStream(dir.resolve(BundleManifest.EVENTS)), 1 << 16);
             OutputStream lb = new BufferedOutputStream(Files.newOutputStream(dir.resolve(BundleManifest.LABELS)), 1 << 16)) {
            b = new SyntheticBundle(ev, lb);
            long perChain = events / annotators;
            for (long actor = 1; actor <= annotators; actor++) {
                chains.add(b.chain(actor, perChain));
            }
        }
        Files.write(dir.resolve(BundleManifest.EVIDENCE), new byte[0]);
        List<BundleManifest.FileEntry> files = new ArrayList<>();
        for (String name : List.of(BundleManifest.EVENTS, BundleManifest.LABELS, BundleManifest.EVIDENCE)) {
            files.add(new BundleManifest.FileEntry(name, Files.size(dir.resolve(name)), sha256(dir.resolve(name))));
        }
        Files.write(dir.resolve(BundleManifest.MANIFEST), new BundleManifest(BundleManifest.FORMAT, PROJECT, "bench",
                Instant.now().toString(), "bench", "bench-export", ExposureThresholds.DEFAULTS, chains, files, null).toBytes());
        return new Written(b.eventCount, b.labelCount);
    }

    static String sha256(Path file) throws IOException {
        var sha = EventChain.sha256();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** One annotator's chain: whole labels until it holds about {@code target} events. */
    private BundleManifest.Chain chain(long actor, long target) throws IOException {
        Chain c = new Chain(actor);
        while (c.seq < target) {
            label(c);
        }
        return new BundleManifest.Chain(actor, c.seq, c.prev);
    }

    private final class Chain {
        final long actor;
        long seq;
        String prev = EventChain.GENESIS;
        Instant time = Instant.parse("2026-01-05T09:00:00Z");

        Chain(long actor) {
            this.actor = actor;
        }

        void add(Long assignmentId, EventType type, Object payload) throws IOException {
            time = time.plusMillis(1500 + random.nextInt(20_000));
            String canonical = EventChain.canonical(new EventChain.Entry(PROJECT, actor, assignmentId, ++seq, type, time,
                    type.clientReported() ? time.minusMillis(300) : null, type.clientReported(), EventChain.canonicalJson(payload)));
            String hash = EventChain.hash(prev, canonical);
            events.write(("{\"prevHash\":\"" + prev + "\",\"hash\":\"" + hash + "\",\"event\":" + canonical + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
            prev = hash;
            eventCount++;
        }
    }

    private void label(Chain c) throws IOException {
        long a = ++assignment;
        int kind = (int) (a % 4);
        String blind = text(30);
        c.add(a, EventType.ITEM_SHOWN, Map.of("position", a, "resumed", false));
        c.add(a, EventType.FIRST_INPUT, Map.of());
        if (a % 3 == 0) {
            c.add(a, EventType.FOCUS_LOST, Map.of());
            c.add(a, EventType.FOCUS_RETURNED, Map.of());
        }
        if (a % 5 == 0) {
            c.add(a, EventType.PASTE, Map.of("chars", 12));
        }
        c.add(a, EventType.BLIND_COMMITTED, Map.of("answer", blind));
        String fin = blind;
        String decision = "KEEP";
        String accepted = null;
        if (kind != 0) {
            String draftA = text(45);
            List<Map<String, Object>> order = List.of(draft("A", draftA, "llama"), draft("B", text(45), "mistral"));
            c.add(a, EventType.DRAFTS_REVEALED, Map.of("order", order, "repeat", false));
            if (kind == 2) {
                decision = "REVISE";
                fin = blind + " " + text(12);
            } else if (kind == 3) {
                decision = "ACCEPT";
                fin = draftA;
                accepted = "A";
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", decision);
        payload.put("answer", fin);
        payload.put("acceptedSlot", accepted);
        payload.put("preferredSlot", null);
        payload.put("revealed", kind != 0);
        c.add(a, EventType.FINAL_SAVED, payload);
        String exposure = switch (kind) {
            case 0 -> "blind_only";
            case 1 -> "blind_kept";
            case 2 -> "revised_after_reveal";
            default -> "draft_accepted";
        };
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("project_id", PROJECT);
        row.put("export_id", "bench-export");
        row.put("item_external_id", "item-" + a);
        row.put("item_input", "Question " + a + ": " + text(15));
        row.put("annotator", "annotator-" + c.actor);
        row.put("assignment_id", a);
        row.put("blind_answer", blind);
        row.put("final_answer", fin);
        row.put("final_decision", decision);
        row.put("exposure", exposure);
        row.put("source", "blindfold");
        labels.write(JSON.writeValueAsBytes(row));
        labels.write('\n');
        labelCount++;
    }

    private Map<String, Object> draft(String slot, String text, String family) {
        return Map.of("slot", slot, "draftId", random.nextInt(1_000_000), "model", family + "-3-8b", "family", family,
                "version", "2026-01", "text", text);
    }

    private String text(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }
}
