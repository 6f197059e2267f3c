package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Items from CSV: the same checks as NDJSON, errors naming the CSV line, records streamed as read. */
class ItemCsvTest {

    private final ItemCsv csv = new ItemCsv(new ObjectMapper());

    private List<ItemLines.ItemLine> parse(String body) {
        List<ItemLines.ItemLine> items = new ArrayList<>();
        csv.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), items::add);
        return items;
    }

    private static final String HEADER = "externalId,input,metadata,draft_1_model,draft_1_family,draft_1_version,draft_1_text,"
            + "draft_2_model,draft_2_family,draft_2_version,draft_2_text\n";

    @Test
    void readsItemsWithDraftsMetadataAndQuotedMultiLineCells() {
        List<ItemLines.ItemLine> items = parse("\uFEFF" + HEADER
                + "q1,\"Hi, there?\",\"{\"\"lang\"\":\"\"en\"\"}\",m1,fx,1,Hello,m2,fy,2,\"Two\nlines\"\n"
                + "q2,Bye,,,,,,,,,\n");
        assertEquals(2, items.size());
        assertEquals("Hi, there?", items.get(0).input());
        assertEquals("{\"lang\":\"en\"}", items.get(0).metadata());
        assertEquals(List.of(new ItemLines.DraftLine("m1", "fx", "1", "Hello"), new ItemLines.DraftLine("m2", "fy", "2", "Two\nlines")),
                items.get(0).drafts());
        assertEquals(List.of(), items.get(1).drafts());
        assertEquals(4, items.get(1).line(), "physical line of the second record (the first spans lines 2-3)");
    }

    @Test
    void aBadRecordNamesItsLineAndField() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(HEADER
                + "q1,Hi,,m1,fx,1,Hello,,,,\n"
                + "q2,Hi,,m1,,1,Hello,,,,\n"));
        assertEquals(3, e.line());
        assertEquals("line 3: drafts[0].family is missing.", e.getMessage());
        assertEquals(2, assertThrows(ProblemException.class, () -> parse(HEADER + "q1,,,,,,,,,,\n")).line());
        assertEquals(1, assertThrows(ProblemException.class, () -> parse("id,text\nq1,x\n")).line());
        assertEquals(3, assertThrows(ProblemException.class, () -> parse(HEADER
                + "q1,Hi,,,,,,,,,\nq1,Again,,,,,,,,,\n")).line());
    }

    @Test
    void aBrokenQuoteOrDuplicateColumnIsABadLineNotAnInternalError() {
        ProblemException open = assertThrows(ProblemException.class, () -> parse(HEADER
                + "q1,Hi,,,,,,,,,\nq2,\"never closed,,,,,,,,,\n"));
        assertEquals("bad-import-line", open.slug());
        assertEquals("line 3: not valid CSV ((startline 3) EOF reached before encapsulated token finished).", open.getMessage());
        ProblemException header = assertThrows(ProblemException.class, () -> parse("externalId,input,input\nq1,a,b\n"));
        assertEquals("line 1: the header repeats a column name or leaves a column unnamed.", header.getMessage());
        assertEquals("empty-import", assertThrows(ProblemException.class, () -> parse(HEADER)).slug());
    }

    /** Each record reaches the sink while the stream is still being read (see ItemLinesTest for the idea). */
    @Test
    void recordsReachTheSinkWhileTheStreamIsStillBeingRead() {
        int count = 200_000;
        String header = "externalId,input,draft_1_model,draft_1_family,draft_1_version,draft_1_text\n";
        GeneratedUpload upload = new GeneratedUpload(header, count, ItemCsvTest::record, "");
        int[] seen = {0};
        csv.read(upload, item -> {
            seen[0]++;
            long endOfItem = header.length() + (long) seen[0] * record(1).length();
            assertTrue(upload.bytesRead() <= endOfItem + ItemLinesTest.READ_AHEAD,
                    "record " + seen[0] + " arrived after reading " + upload.bytesRead() + " bytes");
            assertEquals(seen[0] + 1, item.line());
        });
        assertEquals(count, seen[0]);
    }

    private static String record(int n) {
        return String.format("q%07d,Question %07d?,m,f,1,Answer %07d\n", n, n, n);
    }
}
