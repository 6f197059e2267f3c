package dev.blindfold.export;

import dev.blindfold.facts.LabelReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.project.Item;
import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an export's rows, inside the caller's transaction:
 * <ul>
 *   <li>Per-label formats (jsonl, csv, trl) stream rows as {@link LabelReader} classifies them, one
 *       annotator at a time, then the imported labels.</li>
 *   <li>Per-item formats (gold=true, openai-evals, label-studio) regroup the same kept rows by item through
 *       an {@link ItemSpool} on disk, so memory stays bounded by a spool batch, not by the project; label-studio
 *       adds every item of the project, so items without a kept label are tasks too.</li>
 * </ul>
 */
@ApplicationScoped
class ExportRows {

    /** Rows sorted in memory before a spool batch is written out. */
    static final int SPOOL_BATCH = 10_000;
    /** Items read a page at a time for the Label Studio export's tasks without labels. */
    private static final int ITEM_PAGE = 1_000;
    /** The key of the spool row that says only "this item is in the project" (a Label Studio task with no label). */
    private static final String ITEM_ONLY = "item_only";

    private final LabelReader labels;
    private final ImportedLabels imported;
    private final TrlRows trl;
    private final EntityManager em;
    private final ObjectMapper json;
    private final PseudonymKey pseudonymKey;

    ExportRows(LabelReader labels, ImportedLabels imported, TrlRows trl, EntityManager em, ObjectMapper json,
               PseudonymKey pseudonymKey) {
        this.labels = labels;
        this.imported = imported;
        this.trl = trl;
        this.em = em;
        this.json = json;
        this.pseudonymKey = pseudonymKey;
    }

    /**
     * Opens the format's sink on {@code out}, flushes its first bytes (a CSV header or a JSON array's bracket, so the
     * response's head goes out before any label is read), writes every kept row and ends the payload; counts into
     * {@code tally}. Throws on any failure, having written nothing after it.
     */
    void write(String exportId, long projectId, ExportFormat format, ExportFilter filter, Long annotatorId,
               String inputField, LabelScope scope, Tally tally, OutputStream out) throws IOException {
        Project project = Project.findById(projectId);
        Export export = new Export(exportId, project, filter, annotatorId, scope, tally,
                new Pseudonyms(pseudonymKey.value(), projectId));
        RowSink sink = sink(format, filter, projectId, out);
        sink.flush();
        if (format.perItem() || filter.gold()) {
            writeItems(export, format, inputField, sink);
        } else {
            writeLabels(export, format, sink);
        }
        sink.finish();
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
    private record Export(String id, Project project, ExportFilter filter, Long annotatorId, LabelScope scope,
                          Tally tally,
                          Pseudonyms pseudonyms) {
        boolean freeText() {
            return project.taskType.freeText();
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
    static final class Tally {
        final Map<String, Long> classes = new TreeMap<>();
        long rows;

        void label(String exposure) {
            classes.merge(exposure, 1L, Long::sum);
        }
    }

    private void writeLabels(Export x, ExportFormat format, RowSink sink) {
        labels.forEach(x.project().id, x.annotatorId(), x.scope().lastSeq(), x.scope().observer().andThen(pl -> {
            if (x.filter().keeps(pl.label())) {
                x.tally().label(pl.label().exposure().wireName());
                if (format == ExportFormat.TRL) {
                    List<Map<String, Object>> rows = trl.rows(x.project(), pl);
                    rows.forEach(row -> ExportText.require(row, pl.label().assignmentId()));
                    rows.forEach(sink::accept);
                    x.tally().rows += rows.size();
                } else {
                    sink.accept(x.row(pl));
                    x.tally().rows++;
                }
            }
        }));
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
            labels.forEach(x.project().id, x.annotatorId(), x.scope().lastSeq(), x.scope().observer().andThen(pl -> {
                if (x.filter().keeps(pl.label())) {
                    if (pl.annotatorId() != last[0] || batch[0] >= SPOOL_BATCH) {
                        spool.endBatch();
                        last[0] = pl.annotatorId();
                        batch[0] = 0;
                    }
                    spool.add(pl.itemId(), x.row(pl));
                    batch[0]++;
                }
            }));
            spool.endBatch();
            if (format == ExportFormat.LABEL_STUDIO) {
                eachImported(x, l -> spool.add(l.itemId(), x.row(l)));
                spool.endBatch();
                everyItem(x.project().id, spool);
            }
            LabelStudioExport studio = new LabelStudioExport(json, inputField, !x.freeText(), x.filter().source());
            spool.drain(group -> {
                List<Map<String, Object>> kept = group.rows().stream().filter(r -> !r.containsKey(ITEM_ONLY)).toList();
                Map<String, Object> row = switch (format) {
                    case OPENAI_EVALS -> ItemRows.openAiEval(kept, x.freeText());
                    case LABEL_STUDIO -> task(studio, group.itemId(), kept);
                    default -> ItemRows.gold(x.id(), x.project().id, kept, x.filter().source(),
                            x.project().overlap, x.freeText());
                };
                if (row != null) {
                    kept.forEach(r -> x.tally().label((String) r.get("exposure")));
                    sink.accept(row);
                    x.tally().rows++;
                }
                em.clear();
            });
        }
    }

    /**
     * Puts a row holding only {@link #ITEM_ONLY} in the spool for each of the project's items, a page of the
     * externalId index at a time, so the Label Studio export has a task for every item, with annotations or not.
     */
    private void everyItem(long projectId, ItemSpool spool) {
        String after = null;
        int inBatch = 0;
        for (List<Item.Key> page = Item.page(projectId, null, ITEM_PAGE); !page.isEmpty();
             page = Item.page(projectId, after, ITEM_PAGE)) {
            for (Item.Key key : page) {
                spool.add(key.id(), Map.of(ITEM_ONLY, true));
                if (++inBatch >= SPOOL_BATCH) {
                    spool.endBatch();
                    inBatch = 0;
                }
            }
            after = page.get(page.size() - 1).externalId();
            em.clear();
        }
        spool.endBatch();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> task(LabelStudioExport studio, long itemId, List<Map<String, Object>> rows) {
        Item item = Item.findById(itemId);
        List<ImportedLabels.ItemDraft> drafts = dev.blindfold.project.Draft.forItem(itemId).stream()
                .map(d -> new ImportedLabels.ItemDraft(d.model, d.family, d.version, d.text)).toList();
        var task = studio.task(item.externalId, item.input, item.metadata, drafts, rows);
        ExportText.require(task);
        return json.convertValue(task, Map.class);
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
}
