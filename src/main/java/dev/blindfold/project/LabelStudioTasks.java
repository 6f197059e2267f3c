package dev.blindfold.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.project.ItemLines.ItemLine;
import dev.blindfold.web.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Items from a Label Studio tasks export (a JSON array of tasks with {@code data} and
 * {@code predictions[].result}). The task id becomes the externalId, {@code data[inputField]} the
 * input and the rest of {@code data} the metadata; each prediction becomes a hidden draft whose
 * model and version are its {@code model_version} and whose family is given per import. A
 * prediction's text is its results' {@code value.text} or {@code value.choices}, one result a line.
 * Existing {@code annotations} are not imported yet. Plain Java; errors name the task (1-based).
 */
public final class LabelStudioTasks {

    private final ObjectMapper json;
    private final ItemLines lines;

    public LabelStudioTasks(ObjectMapper json) {
        this.json = json;
        this.lines = new ItemLines(json, "task");
    }

    public List<ItemLine> parse(String body, String inputField, String family) {
        JsonNode tasks;
        try {
            tasks = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("bad-json", "The upload is not JSON (" + e.getOriginalMessage() + ").");
        }
        if (tasks == null || !tasks.isArray()) {
            throw ProblemException.badRequest("bad-import", "A Label Studio tasks file is a JSON array of tasks.");
        }
        List<ItemLine> items = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            items.add(lines.fromNode(i + 1, item(tasks.get(i), i + 1, inputField, family)));
        }
        lines.checkUnique(items);
        return items;
    }

    private ObjectNode item(JsonNode task, int n, String inputField, String family) {
        if (!task.isObject() || !task.path("data").isObject()) {
            throw ProblemException.badRecord("task", n, "a task must be an object with a data object.");
        }
        if (!task.hasNonNull("id")) {
            throw ProblemException.badRecord("task", n, "id is missing.");
        }
        ObjectNode data = task.get("data").deepCopy();
        JsonNode input = data.remove(inputField);
        ObjectNode item = json.createObjectNode();
        item.put("externalId", task.get("id").asText());
        if (input != null) {
            item.set("input", input);
        } else {
            throw ProblemException.badRecord("task", n, "data." + inputField + " is missing (choose the field with inputField=).");
        }
        data.put("label_studio_id", task.get("id").asText());
        item.set("metadata", data);
        ArrayNode drafts = item.putArray("drafts");
        JsonNode predictions = task.path("predictions");
        for (int p = 0; p < predictions.size(); p++) {
            JsonNode prediction = predictions.get(p);
            String model = prediction.path("model_version").asText("");
            String text = text(prediction.path("result"));
            if (text.isEmpty()) {
                throw ProblemException.badRecord("task", n, "predictions[" + p + "] has no text or choices result.");
            }
            ObjectNode draft = drafts.addObject();
            draft.put("model", model.isEmpty() ? "unknown" : model);
            draft.put("family", family == null || family.isBlank() ? (model.isEmpty() ? "unknown" : model) : family);
            draft.put("version", model.isEmpty() ? "unknown" : model);
            draft.put("text", text);
        }
        return item;
    }

    private static String text(JsonNode results) {
        List<String> parts = new ArrayList<>();
        for (JsonNode r : results) {
            JsonNode value = r.path("value");
            for (String key : List.of("text", "choices")) {
                List<String> values = new ArrayList<>();
                value.path(key).forEach(v -> values.add(v.asText()));
                if (!values.isEmpty()) {
                    parts.add(String.join(key.equals("text") ? "\n" : ", ", values));
                }
            }
        }
        return String.join("\n", parts);
    }
}
