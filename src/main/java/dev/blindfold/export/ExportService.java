package dev.blindfold.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.provenance.EventChain;
import dev.blindfold.web.BlindfoldConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Streams a project's labels as JSONL or CSV in constant memory per annotator, and records the export's
 * manifest: filters, rows per exposure class, SHA-256 of the bytes sent.
 */
@ApplicationScoped
public class ExportService {

    static final int TIMEOUT_SECONDS = 3600;

    private final LabelReader labels;
    private final ObjectMapper json;
    private final BlindfoldConfig config;

    ExportService(LabelReader labels, ObjectMapper json, BlindfoldConfig config) {
        this.labels = labels;
        this.json = json;
        this.config = config;
    }

    /** Records the request and returns the export id that every row will carry. */
    public String start(long projectId, String format, ExportFilter filter, long userId) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = new ExportRecord();
            record.id = id;
            record.projectId = projectId;
            record.format = format;
            record.filters = write(filter.describe());
            record.createdBy = userId;
            record.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            record.persist();
        });
        return id;
    }

    /** The formats {@link #write} can produce, with their media types. */
    public static final Map<String, String> FORMATS = Map.of("jsonl", "application/x-ndjson", "csv", "text/csv",
            "trl", "application/x-ndjson");

    /** Streams the kept labels in {@code format} and then completes the export's manifest. */
    public void write(String exportId, long projectId, String format, ExportFilter filter, Long annotatorId, OutputStream out) {
        MessageDigest sha = EventChain.sha256();
        Map<String, Long> counts = new TreeMap<>();
        Pseudonyms pseudonyms = new Pseudonyms(config.export().pseudonymKey(), projectId);
        try (DigestOutputStream digest = new DigestOutputStream(out, sha)) {
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                try (RowSink sink = "csv".equals(format) ? csv(digest, labels.maxDrafts(projectId)) : jsonl(digest)) {
                    labels.forEach(projectId, annotatorId, pl -> {
                        if (filter.keeps(pl.label())) {
                            sink.accept("trl".equals(format) ? trl(pl)
                                    : JsonlRows.row(exportId, projectId, pseudonyms.of(pl.annotatorId()), pl));
                            counts.merge(pl.label().exposure().wireName(), 1L, Long::sum);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finish(exportId, counts, HexFormat.of().formatHex(sha.digest()));
    }

    /** Hugging Face TRL's prompt-completion format, from the blind answer: the reference written unanchored. */
    private static Map<String, Object> trl(LabelReader.ProjectLabel pl) {
        return Map.of("prompt", pl.input(), "completion", pl.label().blindAnswer());
    }

    /** Where rows go; closing flushes without closing the response stream. */
    private interface RowSink extends AutoCloseable {
        void accept(Map<String, Object> row);

        @Override
        void close() throws IOException;
    }

    private RowSink jsonl(OutputStream out) throws IOException {
        JsonGenerator gen = json.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setRootValueSeparator(null);
        return new RowSink() {
            public void accept(Map<String, Object> row) {
                try {
                    json.writeValue(gen, row);
                    gen.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void close() throws IOException {
                gen.close();
            }
        };
    }

    private static RowSink csv(OutputStream out, int slots) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(CsvRows.header(JsonlRows.KEYS, slots));
        return new RowSink() {
            public void accept(Map<String, Object> row) {
                try {
                    printer.printRecord(CsvRows.values(row, slots));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void close() throws IOException {
                printer.flush();
            }
        };
    }

    private void finish(String exportId, Map<String, Long> counts, String sha) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = ExportRecord.findById(exportId);
            record.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            record.rowCount = counts.values().stream().mapToLong(Long::longValue).sum();
            record.classCounts = write(counts);
            record.sha256 = sha;
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
