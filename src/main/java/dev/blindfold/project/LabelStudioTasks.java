package dev.blindfold.project;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.project.ItemLines.ItemLine;
import dev.blindfold.web.ProblemException;
import dev.blindfold.web.UnicodeText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Items from a Label Studio tasks export (a JSON array of tasks with {@code data},
 * {@code predictions[].result} and {@code annotations[].result}). A streaming Jackson parser walks
 * the array and reads one task tree at a time, which goes to the caller's sink at once: the file is
 * never held whole. The task id becomes the externalId, {@code data[inputField]} the input and the
 * rest of {@code data} the metadata; each prediction becomes a hidden draft whose model and version
 * are its {@code model_version} and whose family is given per import. Each annotation not
 * cancelled becomes an {@link Annotation} (see {@link LabelStudioAnnotations}): a label written
 * elsewhere, unseen here. A result's text is its {@code value.text} or {@code value.choices}, one
 * result a line. Plain Java; errors name the task (1-based).
 */
public final class LabelStudioTasks {

    /** A label someone wrote in Label Studio; {@code createdAt} is null when the export's time did not parse. */
    public record Annotation(String id, String annotator, String answer, Instant createdAt) {
    }

    /** One task: the item with its drafts, and the annotations it already had. */
    public record Task(ItemLine item, List<Annotation> annotations) {
    }

    private final ObjectMapper json;
    private final ItemLines lines;

    public LabelStudioTasks(ObjectMapper json) {
        this.json = json;
        this.lines = new ItemLines(json, "task");
    }

    /** Reads the whole stream, handing each checked task to {@code sink} in file order; does not close it. */
    public void read(InputStream in, String inputField, String family, Consumer<Task> sink) {
        ExternalIds ids = new ExternalIds("task");
        try (JsonParser parser = json.getFactory().createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (next(parser, 1) != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("bad-import", "A Label Studio tasks file is a JSON array of tasks.");
            }
            int n = 0;
            while (next(parser, n + 1) != JsonToken.END_ARRAY) {
                n++;
                Task task = task(tree(parser, n), n, inputField, family);
                ids.add(task.item());
                sink.accept(task);
            }
            if (next(parser, n + 1) != null) {
                throw ProblemException.badRequest("bad-import", "The upload goes on after the array of tasks ends.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ids.requireAny();
    }

    private static JsonToken next(JsonParser parser, int task) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw notJson(parser, task, e);
        }
    }

    private JsonNode tree(JsonParser parser, int task) throws IOException {
        try {
            return json.readTree(parser);
        } catch (JsonProcessingException e) {
            throw notJson(parser, task, e);
        }
    }

    private static ProblemException notJson(JsonParser parser, int task, JsonProcessingException e) {
        int line = parser.currentLocation().getLineNr();
        return ProblemException.badRecord("task", task, "not valid JSON at line " + line + " ("
                + UnicodeText.parserMessage(e.getOriginalMessage()) + ").");
    }

    private Task task(JsonNode task, int n, String inputField, String family) {
        if (task == null || !task.isObject() || !task.path("data").isObject()) {
            throw ProblemException.badRecord("task", n, "a task must be an object with a data object.");
        }
        lines.requireUnicode(task, n);
        if (!task.hasNonNull("id")) {
            throw ProblemException.badRecord("task", n, "id is missing.");
        }
        String taskId = task.get("id").asText();
        ObjectNode data = task.get("data").deepCopy();
        JsonNode input = data.remove(inputField);
        ObjectNode item = json.createObjectNode();
        item.put("externalId", taskId);
        if (input != null) {
            item.set("input", input);
        } else {
            throw ProblemException.badRecord("task", n, "data." + inputField + " is missing (choose the field with inputField=).");
        }
        data.put("label_studio_id", taskId);
        item.set("metadata", data);
        ArrayNode drafts = item.putArray("drafts");
        JsonNode predictions = task.path("predictions");
        for (int p = 0; p < predictions.size(); p++) {
            JsonNode prediction = predictions.get(p);
            String model = prediction.path("model_version").asText("");
            String text = LabelStudioAnnotations.text(prediction.path("result"));
            if (text.isEmpty()) {
                throw ProblemException.badRecord("task", n, "predictions[" + p + "] has no text or choices result.");
            }
            ObjectNode draft = drafts.addObject();
            draft.put("model", model.isEmpty() ? "unknown" : model);
            draft.put("family", family == null || family.isBlank() ? (model.isEmpty() ? "unknown" : model) : family);
            draft.put("version", model.isEmpty() ? "unknown" : model);
            draft.put("text", text);
        }
        return new Task(lines.fromNode(n, item), LabelStudioAnnotations.of(task.path("annotations"), n, taskId));
    }
}
