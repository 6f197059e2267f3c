package dev.blindfold.export;

import dev.blindfold.exposure.ExposureClass;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.project.Item;
import dev.blindfold.project.Project;
import dev.blindfold.project.TaskType;
import dev.blindfold.provenance.chain.EventChain;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongUnaryOperator;

/**
 * Streams a project's kept labels in one of {@link ExportFormat}'s formats and records the export's manifest:
 * filters, labels per exposure class, rows written, SHA-256 of the bytes sent.
 * <ul>
 *   <li>Per-label formats (jsonl, csv, trl) stream rows as {@link LabelReader} classifies them, one
 *       annotator at a time, then the imported labels.</li>
 *   <li>Per-item formats (gold=true, openai-evals, label-studio) regroup the same kept rows by item through
 *       an {@link ItemSpool} on disk, so memory stays bounded by a spool batch, not by the project.</li>
 * </ul>
 */
@ApplicationScoped
public class ExportService {

    static final int TIMEOUT_SECONDS = 3600;
    /** Rows sorted in memory before a spool batch is written out. */
    static final int SPOOL_BATCH = 10_000;

    private final LabelReader labels;
    private final ImportedLabels imported;
    private final TrlRows trl;
    private final EntityManager em;
    private final ObjectMapper json;
    private final PseudonymKey pseudonymKey;
    private final ExportMeters meters;

    ExportService(LabelReader labels, ImportedLabels imported, TrlRows trl, EntityManager em, ObjectMapper json,
                  PseudonymKey pseudonymKey, ExportMeters meters) {
        this.labels = labels;
        this.imported = imported;
        this.trl = trl;
        this.em = em;
        this.json = json;
        this.pseudonymKey = pseudonymKey;
        this.meters = meters;
    }

    /** Records the request and returns the export id that every row will carry. */
    public String start(long projectId, ExportFormat format, ExportFilter filter, long userId) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = new ExportRecord();
            record.id = id;
            record.projectId = projectId;
            record.format = format.wireName();
            record.filters = write(filter.describe());
            record.createdBy = userId;
            record.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            record.persist();
        });
        return id;
    }

    /** Streams the kept labels in {@code format} and then completes the export's manifest. */
    public void write(String exportId, long projectId, ExportFormat format, ExportFilter filter, Long annotatorId,
                      String inputField, OutputStream out) {
        write(exportId, projectId, format, filter, annotatorId, inputField, LabelReader.ALL_EVENTS, out);
    }

    /**
     * As {@link #write(String, long, ExportFormat, ExportFilter, Long, String, OutputStream)}, from the log as it
     * stood when each annotator's chain in the project ended at {@code lastSeq(annotator)} (see
     * {@link LabelReader#forEach(long, Long, LongUnaryOperator, java.util.function.Consumer)}).
     */
    public void write(String exportId, long projectId, ExportFormat format, ExportFilter filter, Long annotatorId,
                      String inputField, LongUnaryOperator lastSeq, OutputStream out) {
        long started = System.nanoTime();
        MessageDigest sha = EventChain.sha256();
        Tally tally = new Tally();
        try (DigestOutputStream digest = new DigestOutputStream(out, sha)) {
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                Project project = Project.findById(projectId);
                Export export = new Export(exportId, project, filter, annotatorId, lastSeq, tally,
                        new Pseudonyms(pseudonymKey.value(), projectId));
                try (RowSink sink = sink(format, filter, projectId, digest)) {
                    if (format.perItem() || filter.gold()) {
                        writeItems(export, format, inputField, sink);
                    } else {
                        writeLabels(export, format, sink);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finish(exportId, tally, HexFormat.of().formatHex(sha.digest()));
        meters.exported(format, tally.rows, started);
    }

    private RowSink sink(ExportFormat format, ExportFilter filter, long projectId, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> {
                if (filter.gold()) {
                    yield RowSink.csv(out, ItemRows.GOLD_KEYS, row -> CsvRows.flat(row, json));
                }
                int slots = labels.maxDrafts(projectId);
                yield RowSink.csv(out, CsvRows.header(JsonlRows.KEYS, slots), row -> CsvRows.values(row, slots));
            }
            case LABEL_STUDIO -> RowSink.jsonArray(json, out);
            default -> RowSink.jsonl(json, out);
        };
    }

    /** What one running export knows. */
    private record Export(String id, Project project, ExportFilter filter, Long annotatorId, LongUnaryOperator lastSeq,
                          Tally tally,
                          Pseudonyms pseudonyms) {
        boolean freeText() {
            return project.taskType != TaskType.CATEGORICAL;
        }

        /** A label's jsonl row as this export writes it. */
        Map<String, Object> row(LabelReader.ProjectLabel pl) {
            return JsonlRows.row(id, project.id, pseudonyms.of(pl.annotatorId()), pl);
        }

        /** An imported label's jsonl row as this export writes it. */
        Map<String, Object> row(ImportedLabels.ImportedLabel l) {
            return JsonlRows.imported(id, project.id, pseudonyms.ofImported(l.source(), l.sourceAnnotator()), l);
        }
    }

    /** Labels kept and rows written, for the manifest. */
    private static final class Tally {
        final Map<String, Long> classes = new TreeMap<>();
        long rows;

        void label(String exposure) {
            classes.merge(exposure, 1L, Long::sum);
        }
    }

    private void writeLabels(Export x, ExportFormat format, RowSink sink) {
        labels.forEach(x.project().id, x.annotatorId(), x.lastSeq(), pl -> {
            if (x.filter().keeps(pl.label())) {
                x.tally().label(pl.label().exposure().wireName());
                if (format == ExportFormat.TRL) {
                    List<Map<String, Object>> rows = trl.rows(x.project(), pl);
                    rows.forEach(sink::accept);
                    x.tally().rows += rows.size();
                } else {
                    sink.accept(x.row(pl));
                    x.tally().rows++;
                }
            }
        });
        if (format != ExportFormat.TRL) {
            eachImported(x, l -> {
                x.tally().label(ExposureClass.UNKNOWN.wireName());
                sink.accept(x.row(l));
                x.tally().rows++;
            });
        }
    }

    private void writeItems(Export x, ExportFormat format, String inputField, RowSink sink) {
        try (ItemSpool spool = new ItemSpool(json)) {
            long[] last = {-1};
            int[] batch = {0};
            labels.forEach(x.project().id, x.annotatorId(), x.lastSeq(), pl -> {
                if (x.filter().keeps(pl.label())) {
                    if (pl.annotatorId() != last[0] || batch[0] >= SPOOL_BATCH) {
                        spool.endBatch();
                        last[0] = pl.annotatorId();
                        batch[0] = 0;
                    }
                    spool.add(pl.itemId(), x.row(pl));
                    batch[0]++;
                }
            });
            spool.endBatch();
            if (format == ExportFormat.LABEL_STUDIO) {
                eachImported(x, l -> spool.add(l.itemId(), x.row(l)));
            }
            LabelStudioExport studio = new LabelStudioExport(json, inputField, !x.freeText(), x.filter().source());
            spool.drain(group -> {
                Map<String, Object> row = switch (format) {
                    case OPENAI_EVALS -> ItemRows.openAiEval(group.rows(), x.freeText());
                    case LABEL_STUDIO -> task(studio, group);
                    default -> ItemRows.gold(x.id(), x.project().id, group.rows(), x.filter().source(),
                            x.project().overlap, x.freeText());
                };
                if (row != null) {
                    group.rows().forEach(r -> x.tally().label((String) r.get("exposure")));
                    sink.accept(row);
                    x.tally().rows++;
                }
                em.clear();
            });
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> task(LabelStudioExport studio, ItemSpool.Group group) {
        Item item = Item.findById(group.itemId());
        List<ImportedLabels.ItemDraft> drafts = dev.blindfold.project.Draft.forItem(group.itemId()).stream()
                .map(d -> new ImportedLabels.ItemDraft(d.model, d.family, d.version, d.text)).toList();
        var task = studio.task(item.externalId, item.input, item.metadata, drafts, group.rows());
        return task == null ? null : json.convertValue(task, Map.class);
    }

    private void eachImported(Export x, java.util.function.Consumer<ImportedLabels.ImportedLabel> sink) {
        if (x.annotatorId() == null && imported.any(x.project().id)) {
            imported.forEach(x.project().id, l -> {
                if (x.filter().keeps(l)) {
                    sink.accept(l);
                }
            });
        }
    }

    private void finish(String exportId, Tally tally, String sha) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = ExportRecord.findById(exportId);
            record.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            record.rowCount = tally.rows;
            record.classCounts = write(tally.classes);
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
