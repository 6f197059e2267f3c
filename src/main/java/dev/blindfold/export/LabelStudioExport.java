package dev.blindfold.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.agreement.AgreementService;
import dev.blindfold.project.LabelStudioTasks;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One Label Studio task per item, in the shape Label Studio's JSON export has and its import accepts:
 * {@code {id, data, annotations: [{result, was_cancelled, ground_truth, created_at, lead_time, meta}],
 * predictions: [{model_version, result}]}}. {@code data} is the item's metadata with the input under
 * {@code inputField}; each kept label is an annotation whose result is a {@code textarea} (free text)
 * or {@code choices} (categorical) value, and whose {@code meta.blindfold} carries its provenance (exposure class,
 * prior exposure, timings, similarities, blind and final answers, the guidelines version it was written under). The drafts come back as predictions. An item
 * imported from Label Studio gets back what came in ({@link LabelStudioTasks}): its {@code id} as it was (a number
 * stays a number), its results' {@code from_name}/{@code to_name}, and its {@code data} without those keys; any
 * other item has its externalId as id and results named {@code answer → inputField}. Every item of the project is a
 * task: one without a kept label has predictions only, ready to be labelled in Label Studio. Plain Java.
 */
final class LabelStudioExport {

    /** The control tag name results use unless the item came with its own; a labeling config names its control so. */
    static final String FROM_NAME = "answer";
    private static final List<String> KEPT_FOR_EXPORT = List.of(LabelStudioTasks.ID, LabelStudioTasks.FROM_NAME,
            LabelStudioTasks.TO_NAME);

    private static final List<String> ITEM_KEYS = List.of("project_id", "item_external_id", "item_input");

    private final ObjectMapper json;
    private final String inputField;
    private final boolean categorical;
    private final AgreementService.Source source;

    LabelStudioExport(ObjectMapper json, String inputField, boolean categorical, AgreementService.Source source) {
        this.json = json;
        this.inputField = inputField;
        this.categorical = categorical;
        this.source = source;
    }

    /** The task of one item: its kept labels with an answer of the chosen kind as annotations (maybe none), its drafts. */
    ObjectNode task(String externalId, String input, String metadata, List<ImportedLabels.ItemDraft> drafts,
                    List<Map<String, Object>> rows) {
        ObjectNode task = json.createObjectNode();
        JsonNode meta = parse(metadata);
        JsonNode id = meta.path(LabelStudioTasks.ID);
        if (id.isIntegralNumber() || id.isTextual()) {
            task.set("id", id);
        } else {
            task.put("id", externalId);
        }
        String fromName = meta.path(LabelStudioTasks.FROM_NAME).asText(FROM_NAME);
        String toName = meta.path(LabelStudioTasks.TO_NAME).asText(inputField);
        ObjectNode data = task.putObject("data");
        if (meta.isObject()) {
            data.setAll((ObjectNode) meta);
            data.remove(KEPT_FOR_EXPORT);
        }
        data.put(inputField, input);
        ArrayNode annotations = task.putArray("annotations");
        for (Map<String, Object> row : rows) {
            String answer = answer(row);
            if (answer == null) {
                continue;
            }
            ObjectNode annotation = annotations.addObject();
            annotation.set("result", result(answer, fromName, toName));
            annotation.put("was_cancelled", false);
            annotation.put("ground_truth", false);
            Object committed = row.get("committed_at");
            annotation.put("created_at", committed == null ? null : committed.toString());
            Object blindMs = row.get("blind_ms");
            if (blindMs instanceof Number ms) {
                annotation.put("lead_time", ms.doubleValue() / 1000.0);
            } else {
                annotation.putNull("lead_time");
            }
            ObjectNode provenance = annotation.putObject("meta").putObject("blindfold");
            row.forEach((key, value) -> {
                if (!ITEM_KEYS.contains(key)) {
                    provenance.set(key, json.valueToTree(value));
                }
            });
        }
        ArrayNode predictions = task.putArray("predictions");
        for (ImportedLabels.ItemDraft d : drafts) {
            ObjectNode prediction = predictions.addObject();
            prediction.put("model_version", d.model().equals(d.version()) ? d.model() : d.model() + "/" + d.version());
            prediction.set("result", result(d.text(), fromName, toName));
        }
        return task;
    }

    /** Blind answers by default; with source=final the final answer of a finished label. Imported labels give their one answer. */
    private String answer(Map<String, Object> row) {
        return JsonlRows.BLINDFOLD.equals(row.get("source")) ? ItemRows.answer(row, source) : (String) row.get("final_answer");
    }

    private ArrayNode result(String answer, String fromName, String toName) {
        ArrayNode result = json.createArrayNode();
        ObjectNode region = result.addObject();
        region.put("from_name", fromName);
        region.put("to_name", toName);
        region.put("type", categorical ? "choices" : "textarea");
        region.put("origin", "manual");
        region.putObject("value").putArray(categorical ? "choices" : "text").add(answer);
        return result;
    }

    private JsonNode parse(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(metadata);
        } catch (IOException e) {
            return json.nullNode();
        }
    }
}
