package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label Studio tasks with predictions become items with hidden drafts. */
class LabelStudioTasksTest {

    private final LabelStudioTasks tasks = new LabelStudioTasks(new ObjectMapper());

    static final String EXPORT = """
            [
              {"id": 17, "data": {"text": "Summarise: the cat sat.", "source": "forum"},
               "annotations": [],
               "predictions": [
                 {"model_version": "gpt-4o-2024-05-13", "score": 0.9,
                  "result": [{"from_name": "answer", "to_name": "text", "type": "textarea",
                              "value": {"text": ["A cat sat."]}}]},
                 {"model_version": "claude-3-5", "result": [{"type": "choices", "value": {"choices": ["Positive"]}}]}
               ]},
              {"id": 18, "data": {"text": "Summarise: it rained."}, "predictions": []}
            ]""";

    @Test
    void tasksBecomeItemsAndPredictionsBecomeDrafts() {
        List<ItemLines.ItemLine> items = tasks.parse(EXPORT, "text", "frontier");
        assertEquals(2, items.size());
        ItemLines.ItemLine first = items.get(0);
        assertEquals("17", first.externalId());
        assertEquals("Summarise: the cat sat.", first.input());
        assertEquals("{\"source\":\"forum\",\"label_studio_id\":\"17\"}", first.metadata());
        assertEquals(List.of(new ItemLines.DraftLine("gpt-4o-2024-05-13", "frontier", "gpt-4o-2024-05-13", "A cat sat."),
                new ItemLines.DraftLine("claude-3-5", "frontier", "claude-3-5", "Positive")), first.drafts());
        assertEquals(List.of(), items.get(1).drafts());
    }

    @Test
    void withoutAFamilyEachModelVersionIsItsOwnFamily() {
        assertEquals("claude-3-5", tasks.parse(EXPORT, "text", null).get(0).drafts().get(1).family());
    }

    @Test
    void errorsNameTheTask() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> tasks.parse("[{\"id\":1,\"data\":{\"text\":\"ok\"}},{\"id\":2,\"data\":{\"body\":\"x\"}}]", "text", null));
        assertEquals(2, e.line());
        assertEquals("task 2: data.text is missing (choose the field with inputField=).", e.getMessage());
        assertEquals("task 1: id is missing.",
                assertThrows(ProblemException.class, () -> tasks.parse("[{\"data\":{\"text\":\"x\"}}]", "text", null)).getMessage());
        assertEquals("bad-import", assertThrows(ProblemException.class, () -> tasks.parse("{}", "text", null)).slug());
    }
}
