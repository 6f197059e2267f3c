package dev.blindfold.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.project.LabelStudioTasks.Annotation;
import dev.blindfold.web.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Label Studio task's {@code annotations[]}: labels people wrote in another tool. Nobody here saw
 * how they were written (what was on their screen, which drafts), so they are kept apart from blind
 * answers and export with exposure {@code unknown}. A cancelled annotation ({@code was_cancelled})
 * is no label and is skipped. The id is the annotation's {@code id}, or {@code task-<taskId>-<index>}
 * when the export has none; the annotator is {@code completed_by} as text (a user id, or a user
 * object's email, else its id), else the pseudonym in {@code meta.blindfold.annotator} (Blindfold's own
 * export leaves {@code completed_by} out, as Label Studio's import then credits the importing user),
 * else {@code unknown}; the answer is the result's text, read as predictions are; the time
 * is {@code created_at} when it parses as an ISO time with an offset, else unknown (null).
 */
final class LabelStudioAnnotations {

    static final int MAX_SHORT = 200;

    private LabelStudioAnnotations() {
    }

    static List<Annotation> of(JsonNode annotations, int task, String taskId) {
        if (annotations.isMissingNode() || annotations.isNull()) {
            return List.of();
        }
        if (!annotations.isArray()) {
            throw bad(task, "annotations must be an array.");
        }
        List<Annotation> labels = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < annotations.size(); i++) {
            JsonNode annotation = annotations.get(i);
            String at = "annotations[" + i + "]";
            if (!annotation.isObject()) {
                throw bad(task, at + " must be an object.");
            }
            if (annotation.path("was_cancelled").asBoolean(false)) {
                continue;
            }
            String id = annotation.hasNonNull("id") ? annotation.get("id").asText() : "task-" + taskId + "-" + i;
            if (id.isBlank() || id.length() > MAX_SHORT) {
                throw bad(task, at + ".id must be 1-" + MAX_SHORT + " characters.");
            }
            if (!ids.add(id)) {
                throw bad(task, at + ".id '" + id + "' appears twice in this task.");
            }
            String annotator = annotator(annotation.path("completed_by"));
            if (annotator == null || annotator.isBlank()) {
                annotator = annotation.path("meta").path("blindfold").path("annotator").asText("");
            }
            if (annotator.isBlank()) {
                annotator = "unknown";
            }
            if (annotator.length() > MAX_SHORT) {
                throw bad(task, at + ".completed_by is longer than " + MAX_SHORT + " characters.");
            }
            String answer = text(annotation.path("result"));
            if (answer.isEmpty()) {
                throw bad(task, at + " has no text or choices result.");
            }
            if (answer.length() > ItemLines.MAX_TEXT) {
                throw bad(task, at + ".result is longer than " + ItemLines.MAX_TEXT + " characters.");
            }
            if ((id + annotator + answer).indexOf('\u0000') >= 0) {
                throw bad(task, at + " contains a NUL character (\\u0000), which text may not hold.");
            }
            labels.add(new Annotation(id, annotator, answer, time(annotation.path("created_at"))));
        }
        return List.copyOf(labels);
    }

    /**
     * The known answer of a task: the text of its annotation marked {@code "ground_truth": true} (Label Studio's
     * mark for a reference annotation), or null when none is; two that disagree are refused. Read before
     * {@link #of} checks the annotations, so a malformed one is reported by {@link #of} as usual.
     */
    static String groundTruth(JsonNode annotations, int task) {
        String gold = null;
        if (!annotations.isArray()) {
            return null;
        }
        for (JsonNode annotation : annotations) {
            if (annotation.path("ground_truth").asBoolean(false) && !annotation.path("was_cancelled").asBoolean(false)) {
                String answer = text(annotation.path("result"));
                if (gold != null && !gold.equals(answer)) {
                    throw bad(task, "two ground_truth annotations give different answers.");
                }
                gold = answer;
            }
        }
        return gold == null || gold.isEmpty() ? null : gold;
    }

    /** A result list's text: each result's {@code value.text} lines or {@code value.choices}, one result a line. */
    static String text(JsonNode results) {
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

    private static String annotator(JsonNode completedBy) {
        if (completedBy.isObject()) {
            String email = completedBy.path("email").asText("");
            return email.isBlank() ? completedBy.path("id").asText(null) : email;
        }
        return completedBy.isValueNode() && !completedBy.isNull() ? completedBy.asText() : null;
    }

    private static Instant time(JsonNode createdAt) {
        if (!createdAt.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(createdAt.asText()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ProblemException bad(int task, String detail) {
        return ProblemException.badRecord("task", task, detail);
    }
}
