package dev.blindfold.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import dev.blindfold.agreement.AgreementService;

/**
 * One Label Studio task per item, in the shape Label Studio's JSON export has and its import accepts:
 * {@code {id, data, annotations: [{result, was_cancelled, ground_truth, created_at, lead_time, meta}],
 * predictions: [{model_version, result}]}}. {@code data} is the item's metadata with the input under
 * {@code inputField}; each kept label is an annotation whose result is a {@code textarea} (free text)
 * or {@code choices} (categorical) value named {@code answer → inputField}, and whose {@code meta.blindfold}
 * carries its provenance (exposure class, prior exposure, timings, similarities, blind and final answers).
 * The drafts come back as predictions. Plain Java.
 */
final class LabelStudioExport {

    /** The control tag name results use; a labeling config must name its TextArea or Choices so. */
    static final String FROM_NAME = "answer";

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

    /** The task of one item, or null when none of its kept labels has an answer of the chosen kind. */
    ObjectNode task(String externalId, String input, String metadata, List<ImportedLabels.ItemDraft> drafts,
                    List<Map<String, Object>> rows) {
        ObjectNode task = json.createObjectNode();
        task.put("id", externalId);
        ObjectNode data = task.putObject("data");
        JsonNode meta = parse(metadata);
        if (meta.isObject()) {
            data.setAll((ObjectNode) meta);
        }
        data.put(inputField, input);
        ArrayNode annotations = task.putArray("annotations");
        for (Map<String, Object> row : rows) {
            String answer = answer(row);
            if (answer == null) {
                continue;
            }
            ObjectNode annotation = annotations.addObject();
            annotation.set("result", result(answer));
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
        if (annotations.isEmpty()) {
            return null;
        }
        ArrayNode predictions = task.putArray("predictions");
        for (ImportedLabels.ItemDraft d : drafts) {
            ObjectNode prediction = predictions.addObject();
            prediction.put("model_version", d.model().equals(d.version()) ? d.model() : d.model() + "/" + d.version());
            prediction.set("result", result(d.text()));
        }
        return task;
    }

    /** Blind answers by default; with source=final the final answer of a finished label. Imported labels give their one answer. */
    private String answer(Map<String, Object> row) {
        return JsonlRows.BLINDFOLD.equals(row.get("source")) ? ItemRows.answer(row, source) : (String) row.get("final_answer");
    }

    private ArrayNode result(String answer) {
        ArrayNode result = json.createArrayNode();
        ObjectNode region = result.addObject();
        region.put("from_name", FROM_NAME);
        region.put("to_name", inputField);
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
