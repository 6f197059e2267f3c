package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Items from CSV: the same checks as NDJSON, errors naming the CSV line. */
class ItemCsvTest {

    private final ItemCsv csv = new ItemCsv(new ObjectMapper());

    private static final String HEADER = "externalId,input,metadata,draft_1_model,draft_1_family,draft_1_version,draft_1_text,"
            + "draft_2_model,draft_2_family,draft_2_version,draft_2_text\n";

    @Test
    void readsItemsWithDraftsMetadataAndQuotedMultiLineCells() {
        List<ItemLines.ItemLine> items = csv.parse(HEADER
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
        ProblemException e = assertThrows(ProblemException.class, () -> csv.parse(HEADER
                + "q1,Hi,,m1,fx,1,Hello,,,,\n"
                + "q2,Hi,,m1,,1,Hello,,,,\n"));
        assertEquals(3, e.line());
        assertEquals("line 3: drafts[0].family is missing.", e.getMessage());
        assertEquals(2, assertThrows(ProblemException.class, () -> csv.parse(HEADER + "q1,,,,,,,,,,\n")).line());
        assertEquals(1, assertThrows(ProblemException.class, () -> csv.parse("id,text\nq1,x\n")).line());
        assertEquals(3, assertThrows(ProblemException.class, () -> csv.parse(HEADER
                + "q1,Hi,,,,,,,,,\nq1,Again,,,,,,,,,\n")).line());
    }
}
