package dev.blindfold.audit.bundlewriter;

import dev.blindfold.audit.bundle.BundleManifest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.provenance.chain.EventChain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A bundle's files in memory, for tests that tamper with a copy the way an attacker would. */
final class BundleFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, byte[]> files = new LinkedHashMap<>();

    static BundleFiles read(byte[] zip) throws IOException {
        BundleFiles b = new BundleFiles();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                b.files.put(e.getName(), in.readAllBytes());
            }
        }
        return b;
    }

    BundleFiles copy() {
        BundleFiles b = new BundleFiles();
        files.forEach((k, v) -> b.files.put(k, v.clone()));
        return b;
    }

    Path write(Path dir, String name) throws IOException {
        Path zip = dir.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    List<String> lines(String name) {
        String text = new String(files.get(name), StandardCharsets.UTF_8);
        return new ArrayList<>(Arrays.asList(text.split("\n")));
    }

    void lines(String name, List<String> lines) {
        files.put(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    BundleManifest manifest() throws IOException {
        return BundleManifest.parse(files.get(BundleManifest.MANIFEST));
    }

    /** What an attacker without the key can do: rewrite the manifest's sums and heads to fit the files. */
    void recomputeManifest() throws IOException {
        BundleManifest m = manifest();
        Map<Long, BundleManifest.Chain> heads = new LinkedHashMap<>();
        for (String line : lines(BundleManifest.EVENTS)) {
            Event e = Event.of(line);
            heads.put(e.actorId(), new BundleManifest.Chain(e.actorId(), e.seq(), e.hash()));
        }
        List<BundleManifest.FileEntry> sums = m.files().stream().map(f -> new BundleManifest.FileEntry(f.name(),
                files.get(f.name()).length, EventChain.sha256Hex(files.get(f.name())))).toList();
        files.put(BundleManifest.MANIFEST, new BundleManifest(m.format(), m.projectId(), m.projectName(), m.createdAt(),
                m.exporter(), m.labelsExportId(), m.exposureThresholds(), List.copyOf(heads.values()), sums, m.signingKey())
                .toBytes());
    }

    /** Drops the signature and the key the manifest names, as an attacker of a signed bundle would. */
    void unsign() throws IOException {
        files.remove(BundleManifest.SIGNATURE);
        BundleManifest m = manifest();
        files.put(BundleManifest.MANIFEST, new BundleManifest(m.format(), m.projectId(), m.projectName(), m.createdAt(),
                m.exporter(), m.labelsExportId(), m.exposureThresholds(), m.chains(), m.files(), null).toBytes());
    }

    /** One events.jsonl line, parsed for tests. */
    record Event(String prevHash, String hash, ObjectNode event) {
        static Event of(String line) {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                return new Event(node.get("prevHash").asText(), node.get("hash").asText(), (ObjectNode) node.get("event"));
            } catch (IOException e) {
                throw new IllegalArgumentException(line, e);
            }
        }

        long actorId() {
            return event.get("actorId").asLong();
        }

        long seq() {
            return event.get("seq").asLong();
        }

        String type() {
            return event.get("type").asText();
        }

        Long assignmentId() {
            return event.get("assignmentId").isNull() ? null : event.get("assignmentId").asLong();
        }
    }

    /** A line for {@code event} with a correctly computed hash linking to {@code prevHash}. */
    static String forge(String prevHash, ObjectNode event) {
        String canonical = EventChain.canonicalJson(event);
        return "{\"prevHash\":\"" + prevHash + "\",\"hash\":\"" + EventChain.hash(prevHash, canonical) + "\",\"event\":"
                + canonical + "}";
    }

    /** Renumbers one actor's events in file order from seq 1 and recomputes every hash of that chain. */
    void rechain(long actorId) {
        List<String> lines = lines(BundleManifest.EVENTS);
        String prev = EventChain.GENESIS;
        long seq = 1;
        for (int i = 0; i < lines.size(); i++) {
            Event e = Event.of(lines.get(i));
            if (e.actorId() == actorId) {
                e.event().put("seq", seq++);
                lines.set(i, forge(prev, e.event()));
                prev = Event.of(lines.get(i)).hash();
            }
        }
        lines(BundleManifest.EVENTS, lines);
    }
}
