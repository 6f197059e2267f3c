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
 * Items from a Label Studio tasks file as Label Studio reads and writes them: a JSON array of tasks with
 * {@code data}, {@code predictions[].result} and {@code annotations[].result}, or of plain objects, each of which is
 * the data itself (Label Studio's own rule for a task without a {@code data} object). A streaming Jackson parser
 * walks the array and reads one task tree at a time, which goes to the caller's sink at once: the file is never held
 * whole. The task's {@code id} (optional, as in Label Studio) becomes the externalId, else the task's 1-based
 * position; {@code data[inputField]} becomes the input and the rest of {@code data} the metadata, with the
 * {@code id} as it came ({@value #ID}: a number stays a number) and the control names of the first result that names
 * them ({@value #FROM_NAME}, {@value #TO_NAME}), so the Label Studio export gives them back. Each prediction becomes a
 * hidden draft whose model and version are its {@code model_version} and whose family is given per import. Each
 * annotation not cancelled becomes an {@link Annotation} (see {@link LabelStudioAnnotations}): a label written
 * elsewhere, unseen here. A result's text is its {@code value.text} or {@code value.choices}, one result a line.
 * An annotation marked {@code "ground_truth": true} also gives the item its known answer: a gold item.
 * Plain Java; errors name the task (1-based).
 */
public final class LabelStudioTasks {

    /** Metadata keys that keep what a Label Studio export needs to give back: the task id and the control names. */
    public static final String ID = "label_studio_id";
    public static final String FROM_NAME = "label_studio_from_name";
    public static final String TO_NAME = "label_studio_to_name";

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
        if (task == null || !task.isObject()) {
            throw ProblemException.badRecord("task", n, "a task must be a JSON object (with a data object, or the data"
                    + " itself).");
        }
        lines.requireUnicode(task, n);
        boolean wrapped = task.path("data").isObject();
        JsonNode id = wrapped ? task.get("id") : null;
        boolean hasId = id != null && !id.isNull();
        if (hasId && !id.isIntegralNumber() && !id.isTextual()) {
            throw ProblemException.badRecord("task", n, "id must be a number or a string.");
        }
        String taskId = hasId ? id.asText() : String.valueOf(n);
        ObjectNode data = (wrapped ? task.get("data") : task).deepCopy();
        JsonNode input = data.remove(inputField);
        ObjectNode item = json.createObjectNode();
        item.put("externalId", taskId);
        if (input != null) {
            item.set("input", input);
        } else {
            throw ProblemException.badRecord("task", n, "data." + inputField + " is missing (choose the field with inputField=).");
        }
        if (hasId) {
            data.set(ID, id);
        }
        if (wrapped) {
            controlNames(task, data);
        }
        item.set("metadata", data);
        ArrayNode drafts = item.putArray("drafts");
        JsonNode predictions = wrapped ? task.path("predictions") : json.createArrayNode();
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
        JsonNode annotations = wrapped ? task.path("annotations") : json.createArrayNode();
        String gold = LabelStudioAnnotations.groundTruth(annotations, n);
        if (gold != null) {
            item.put("gold", gold);
        }
        return new Task(lines.fromNode(n, item), LabelStudioAnnotations.of(annotations, n, taskId));
    }

    /** Keeps the control names of the first annotation or prediction result that names them. */
    private static void controlNames(JsonNode task, ObjectNode data) {
        for (String kind : new String[] {"annotations", "predictions"}) {
            for (JsonNode entry : task.path(kind)) {
                for (JsonNode region : entry.path("result")) {
                    if (region.path("from_name").isTextual() && region.path("to_name").isTextual()) {
                        data.put(FROM_NAME, region.get("from_name").asText());
                        data.put(TO_NAME, region.get("to_name").asText());
                        return;
                    }
                }
            }
        }
    }
}
