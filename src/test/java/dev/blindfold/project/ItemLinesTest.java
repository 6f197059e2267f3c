package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NDJSON item parsing: every field checked, errors name the line. */
class ItemLinesTest {

    private final ItemLines lines = new ItemLines(new ObjectMapper());

    private static final String GOOD = "{\"externalId\":\"q1\",\"input\":\"Hi?\",\"metadata\":{\"lang\":\"en\"},"
            + "\"drafts\":[{\"model\":\"m\",\"family\":\"f\",\"version\":\"1\",\"text\":\"Hello\"}]}";

    private static ProblemException failure(String body) {
        return assertThrows(ProblemException.class, () -> new ItemLines(new ObjectMapper()).parse(body));
    }

    @Test
    void parsesItemsWithDraftsAndMetadataSkippingBlankLines() {
        List<ItemLines.ItemLine> items = lines.parse(GOOD + "\n\n{\"externalId\":\"q2\",\"input\":\"Bye\"}\r\n");
        assertEquals(2, items.size());
        assertEquals("q1", items.get(0).externalId());
        assertEquals("{\"lang\":\"en\"}", items.get(0).metadata());
        assertEquals(new ItemLines.DraftLine("m", "f", "1", "Hello"), items.get(0).drafts().get(0));
        assertEquals(3, items.get(1).line());
        assertNull(items.get(1).metadata());
        assertEquals(List.of(), items.get(1).drafts());
    }

    @Test
    void missingDraftFieldNamesTheLineAndTheField() {
        ProblemException e = failure(GOOD + "\n{\"externalId\":\"q2\",\"input\":\"x\",\"drafts\":[{\"model\":\"m\",\"version\":\"1\",\"text\":\"t\"}]}");
        assertEquals(400, e.status());
        assertEquals(2, e.line());
        assertEquals("line 2: drafts[0].family is missing.", e.getMessage());
    }

    @Test
    void brokenJsonWrongTypesAndDuplicatesAreRefusedWithTheirLine() {
        assertEquals(1, failure("{not json").line());
        assertEquals("line 1: input must be a string.", failure("{\"externalId\":\"a\",\"input\":3}").getMessage());
        assertEquals("line 2: expected a JSON object.", failure(GOOD + "\n[1,2]").getMessage());
        assertEquals("bad-import", failure("[" + GOOD + "]").slug(), "a JSON array gets a hint, not a parse error");
        assertEquals("line 1: metadata must be a JSON object.",
                failure("{\"externalId\":\"a\",\"input\":\"x\",\"metadata\":\"m\"}").getMessage());
        ProblemException dup = failure(GOOD + "\n" + GOOD);
        assertEquals(2, dup.line());
    }

    @Test
    void anEmptyUploadIsRefused() {
        assertEquals("empty-import", failure("\n  \n").slug());
    }
}
