package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NDJSON item parsing: every field checked, errors name the line, items streamed as read. */
class ItemLinesTest {

    /** How far ahead of the item it hands over a streaming parser may have read (its buffers). */
    static final int READ_AHEAD = 64 * 1024;

    private final ItemLines lines = new ItemLines(new ObjectMapper());

    static List<ItemLines.ItemLine> parse(String body) {
        List<ItemLines.ItemLine> items = new ArrayList<>();
        new ItemLines(new ObjectMapper()).read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), items::add);
        return items;
    }

    private static final String GOOD = "{\"externalId\":\"q1\",\"input\":\"Hi?\",\"metadata\":{\"lang\":\"en\"},"
            + "\"drafts\":[{\"model\":\"m\",\"family\":\"f\",\"version\":\"1\",\"text\":\"Hello\"}]}";

    private static ProblemException failure(String body) {
        return assertThrows(ProblemException.class, () -> parse(body));
    }

    @Test
    void parsesItemsWithDraftsAndMetadataSkippingBlankLines() {
        List<ItemLines.ItemLine> items = parse("\uFEFF" + GOOD + "\n\n{\"externalId\":\"q2\",\"input\":\"Bye\"}\r\n");
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

    /**
     * The parser hands each item over while the stream is still being read: when item k arrives it
     * has read no further than item k's line plus its buffers, over 200,000 lines. Fixed-width lines
     * make "item k's line" a simple product. The sink only counts, so nothing holds the items.
     */
    @Test
    void itemsReachTheSinkWhileTheStreamIsStillBeingRead() {
        int count = 200_000;
        String first = record(1);
        GeneratedUpload upload = new GeneratedUpload("", count, ItemLinesTest::record, "");
        int[] seen = {0};
        lines.read(upload, item -> {
            seen[0]++;
            long endOfItem = (long) seen[0] * first.length();
            assertTrue(upload.bytesRead() <= endOfItem + READ_AHEAD,
                    "item " + seen[0] + " arrived after reading " + upload.bytesRead() + " bytes");
            assertEquals(seen[0], item.line());
        });
        assertEquals(count, seen[0]);
        assertEquals((long) count * first.length(), upload.bytesRead());
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeItIsReadWhole() {
        GeneratedUpload huge = new GeneratedUpload(GOOD + "\n{\"externalId\":\"a\",\"input\":\"", 20_000,
                n -> "y".repeat(1024), "\"}\n");
        ProblemException e = assertThrows(ProblemException.class, () -> lines.read(huge, item -> { }));
        assertEquals(2, e.line());
        assertEquals("line 2: longer than " + ItemLines.MAX_LINE + " characters.", e.getMessage());
        assertTrue(huge.bytesRead() <= GOOD.length() + ItemLines.MAX_LINE + READ_AHEAD, "read " + huge.bytesRead());
    }

    private static String record(int n) {
        return String.format("{\"externalId\":\"q%07d\",\"input\":\"Question %07d?\",\"drafts\":[{\"model\":\"m\","
                + "\"family\":\"f\",\"version\":\"1\",\"text\":\"Answer %07d\"}]}\n", n, n, n);
    }
}
