package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.project.LabelStudioTasks.Annotation;
import dev.blindfold.project.LabelStudioTasks.Task;
import dev.blindfold.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label Studio tasks: predictions become hidden drafts, annotations imported labels; streamed a task at a time. */
class LabelStudioTasksTest {

    private final LabelStudioTasks tasks = new LabelStudioTasks(new ObjectMapper());

    /** Task 17: two predictions; three annotations, one cancelled, one without id. Task 18: nothing yet. */
    static final String EXPORT = """
            [
              {"id": 17, "data": {"text": "Summarise: the cat sat.", "source": "forum"},
               "annotations": [
                 {"id": 901, "completed_by": 4, "was_cancelled": false, "created_at": "2024-05-13T10:11:12.345678Z",
                  "result": [{"from_name": "answer", "to_name": "text", "type": "textarea", "value": {"text": ["A cat sat down."]}}]},
                 {"id": 902, "completed_by": {"id": 5, "email": "rita@example.org"}, "was_cancelled": true,
                  "result": [{"type": "textarea", "value": {"text": ["cancelled, never counted"]}}]},
                 {"completed_by": {"id": 6}, "created_at": "yesterday",
                  "result": [{"type": "choices", "value": {"choices": ["Positive"]}}]}
               ],
               "predictions": [
                 {"model_version": "gpt-4o-2024-05-13", "score": 0.9,
                  "result": [{"from_name": "answer", "to_name": "text", "type": "textarea",
                              "value": {"text": ["A cat sat."]}}]},
                 {"model_version": "claude-3-5", "result": [{"type": "choices", "value": {"choices": ["Positive"]}}]}
               ]},
              {"id": 18, "data": {"text": "Summarise: it rained."}, "predictions": []}
            ]""";

    static List<Task> parse(String body, String inputField, String family) {
        List<Task> read = new ArrayList<>();
        new LabelStudioTasks(new ObjectMapper())
                .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), inputField, family, read::add);
        return read;
    }

    @Test
    void tasksBecomeItemsAndPredictionsBecomeDrafts() {
        List<Task> read = parse(EXPORT, "text", "frontier");
        assertEquals(2, read.size());
        ItemLines.ItemLine first = read.get(0).item();
        assertEquals("17", first.externalId());
        assertEquals("Summarise: the cat sat.", first.input());
        assertEquals("{\"source\":\"forum\",\"label_studio_id\":17,\"label_studio_from_name\":\"answer\","
                + "\"label_studio_to_name\":\"text\"}", first.metadata(), "the id as it came, a number; the control names");
        assertEquals("{\"label_studio_id\":18}", read.get(1).item().metadata(), "no result names its controls");
        assertEquals(List.of(new ItemLines.DraftLine("gpt-4o-2024-05-13", "frontier", "gpt-4o-2024-05-13", "A cat sat."),
                new ItemLines.DraftLine("claude-3-5", "frontier", "claude-3-5", "Positive")), first.drafts());
        assertEquals(List.of(), read.get(1).item().drafts());
    }

    @Test
    void annotationsNotCancelledBecomeLabelsWithTheirAnnotatorAndTime() {
        List<Task> read = parse(EXPORT, "text", null);
        assertEquals(List.of(
                new Annotation("901", "4", "A cat sat down.", Instant.parse("2024-05-13T10:11:12.345678Z")),
                new Annotation("task-17-2", "6", "Positive", null)), read.get(0).annotations());
        assertEquals(List.of(), read.get(1).annotations());
        Annotation byEmail = parse("[{\"id\":1,\"data\":{\"text\":\"x\"},\"annotations\":[{\"id\":7,"
                + "\"completed_by\":{\"id\":5,\"email\":\"rita@example.org\"},\"created_at\":\"2024-01-02T03:04:05+02:00\","
                + "\"result\":[{\"value\":{\"text\":[\"one\",\"two\"]}}]}]}]", "text", null).get(0).annotations().get(0);
        assertEquals(new Annotation("7", "rita@example.org", "one\ntwo", Instant.parse("2024-01-02T01:04:05Z")), byEmail);
    }

    /** Label Studio's docs: a task's id is optional, and a task without a data object is the data itself. */
    @Test
    void tasksWithoutIdsAndPlainObjectsAreReadAsLabelStudioReadsThem() {
        List<Task> read = parse("""
                [
                  {"data": {"text": "First, wrapped, no id."}, "predictions": [
                    {"model_version": "m1", "result": [{"from_name": "summary", "to_name": "doc", "type": "textarea",
                                                         "value": {"text": ["Draft one."]}}]}]},
                  {"text": "Second, the data itself.", "lang": "en", "predictions": "kept as data"},
                  {"id": "ext-9", "data": {"text": "Third, a string id."}}
                ]""", "text", null);
        assertEquals(List.of("1", "2", "ext-9"), read.stream().map(t -> t.item().externalId()).toList(),
                "without an id, the task's 1-based position");
        assertEquals("{\"label_studio_from_name\":\"summary\",\"label_studio_to_name\":\"doc\"}",
                read.get(0).item().metadata());
        assertEquals(1, read.get(0).item().drafts().size());
        assertEquals("Second, the data itself.", read.get(1).item().input());
        assertEquals("{\"lang\":\"en\",\"predictions\":\"kept as data\"}", read.get(1).item().metadata());
        assertEquals(List.of(), read.get(1).item().drafts(), "a plain object has no predictions of its own");
        assertEquals("{\"label_studio_id\":\"ext-9\"}", read.get(2).item().metadata());
        assertEquals("task 3: externalId '1' appears twice in this file.", assertThrows(ProblemException.class,
                () -> parse("[{\"text\":\"a\"},{\"text\":\"b\"},{\"id\":1,\"data\":{\"text\":\"c\"}}]", "text", null))
                .getMessage(), "a position and an id can meet; the file is refused, not merged");
    }

    @Test
    void withoutAFamilyEachModelVersionIsItsOwnFamily() {
        assertEquals("claude-3-5", parse(EXPORT, "text", null).get(0).item().drafts().get(1).family());
    }

    @Test
    void errorsNameTheTask() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> parse("[{\"id\":1,\"data\":{\"text\":\"ok\"}},{\"id\":2,\"data\":{\"body\":\"x\"}}]", "text", null));
        assertEquals(2, e.line());
        assertEquals("task 2: data.text is missing (choose the field with inputField=).", e.getMessage());
        assertEquals("task 1: id must be a number or a string.", assertThrows(ProblemException.class,
                () -> parse("[{\"id\":{\"n\":1},\"data\":{\"text\":\"x\"}}]", "text", null)).getMessage());
        assertEquals("task 1: a task must be a JSON object (with a data object, or the data itself).",
                assertThrows(ProblemException.class, () -> parse("[\"x\"]", "text", null)).getMessage());
        assertEquals("bad-import", assertThrows(ProblemException.class, () -> parse("{}", "text", null)).slug());
        assertEquals("task 2: externalId '1' appears twice in this file.", assertThrows(ProblemException.class,
                () -> parse("[{\"id\":1,\"data\":{\"text\":\"a\"}},{\"id\":1,\"data\":{\"text\":\"b\"}}]", "text", null))
                .getMessage());
        assertEquals("empty-import", assertThrows(ProblemException.class, () -> parse(" [ ] ", "text", null)).slug());
    }

    @Test
    void brokenJsonNamesTheTaskItIsIn() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(
                "[\n{\"id\":1,\"data\":{\"text\":\"ok\"}},\n{\"id\":2,\"data\":{\"text\":\"ok\"}},\n{\"id\":3,\"data\":{\"text\" \"x\"}}\n]",
                "text", null));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("task 3: not valid JSON at line 4 ("), e.getMessage());
    }

    @Test
    void badAnnotationsNameTheTaskAndTheField() {
        String task = "[{\"id\":1,\"data\":{\"text\":\"x\"}},{\"id\":2,\"data\":{\"text\":\"x\"},\"annotations\":[%s]}]";
        assertEquals("unknown", parse(task.formatted("{\"id\":1,\"result\":[{\"value\":{\"text\":[\"a\"]}}]}"), "text", null)
                .get(1).annotations().get(0).annotator(), "without completed_by the annotator is unknown");
        assertEquals("ann-1", parse(task.formatted("{\"id\":1,\"meta\":{\"blindfold\":{\"annotator\":\"ann-1\"}},"
                + "\"result\":[{\"value\":{\"text\":[\"a\"]}}]}"), "text", null).get(1).annotations().get(0).annotator(),
                "Blindfold's own export names the pseudonym in meta");
        assertEquals("task 2: annotations[1] has no text or choices result.", assertThrows(ProblemException.class,
                () -> parse(task.formatted("{\"id\":1,\"completed_by\":1,\"result\":[{\"value\":{\"text\":[\"a\"]}}]},"
                        + "{\"id\":2,\"completed_by\":1,\"result\":[]}"), "text", null)).getMessage());
        assertEquals("task 2: annotations[1].id '1' appears twice in this task.", assertThrows(ProblemException.class,
                () -> parse(task.formatted("{\"id\":1,\"completed_by\":1,\"result\":[{\"value\":{\"text\":[\"a\"]}}]},"
                        + "{\"id\":1,\"completed_by\":2,\"result\":[{\"value\":{\"text\":[\"b\"]}}]}"), "text", null)).getMessage());
    }

    /** Each task reaches the sink while the array is still being read (see ItemLinesTest for the idea). */
    @Test
    void tasksReachTheSinkWhileTheArrayIsStillBeingRead() {
        int count = 100_000;
        GeneratedUpload upload = new GeneratedUpload("[\n", count, LabelStudioTasksTest::task, "]\n");
        int[] seen = {0};
        tasks.read(upload, "text", "f", task -> {
            seen[0]++;
            long endOfTask = 2 + (long) seen[0] * task(2).length();
            assertTrue(upload.bytesRead() <= endOfTask + ItemLinesTest.READ_AHEAD,
                    "task " + seen[0] + " arrived after reading " + upload.bytesRead() + " bytes");
            assertEquals(1, task.annotations().size());
        });
        assertEquals(count, seen[0]);
    }

    /** Fixed width but for the first task's missing comma: ids run from 10,000,001. */
    private static String task(int n) {
        int id = 10_000_000 + n;
        return String.format("%s{\"id\":%d,\"data\":{\"text\":\"Q %d\"},\"predictions\":[{\"model_version\":\"m\","
                + "\"result\":[{\"value\":{\"text\":[\"A %d\"]}}]}],\"annotations\":[{\"id\":%d,\"completed_by\":1,"
                + "\"result\":[{\"value\":{\"choices\":[\"yes\"]}}]}]}\n", n == 1 ? "" : ",", id, id, id, id);
    }
}
