package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV flattening and formula neutralisation. */
class CsvRowsTest {

    @Test
    void cellsASpreadsheetWouldRunAreNeutralised() {
        assertEquals("'=HYPERLINK(\"x\")", CsvRows.neutralise("=HYPERLINK(\"x\")"));
        assertEquals("'+1+1", CsvRows.neutralise("+1+1"));
        assertEquals("'-2", CsvRows.neutralise("-2"));
        assertEquals("'@SUM(A1)", CsvRows.neutralise("@SUM(A1)"));
        assertEquals("'\tx", CsvRows.neutralise("\tx"));
        assertEquals("'\rx", CsvRows.neutralise("\rx"));
        assertEquals("plain = text", CsvRows.neutralise("plain = text"));
        assertEquals("", CsvRows.neutralise(""));
    }

    @Test
    void draftsBecomeSlotColumnsAndPriorExposureOneCell() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("blind_answer", "=1+1");
        row.put("blind_ms", 1200L);
        row.put("prior_exposure", List.of(Map.of("family", "x", "count", 2), Map.of("family", "y", "count", 1)));
        row.put("drafts", List.of(Map.of("model", "m", "family", "x", "version", "1", "rating", 4,
                "blind_edit_similarity", 0.5, "blind_token_f1", 0.25, "final_edit_similarity", 1.0, "final_token_f1", 1.0)));
        List<String> header = CsvRows.header(List.copyOf(row.keySet()), 2);
        List<Object> values = CsvRows.values(row, 2);
        assertEquals(header.size(), values.size());
        assertEquals(List.of("blind_answer", "blind_ms", "prior_exposure", "prior_same_content", "draft_A_model"),
                header.subList(0, 5));
        assertEquals("'=1+1", values.get(0));
        assertEquals(1200L, values.get(1));
        assertEquals("x=2;y=1", values.get(2));
        assertEquals("", values.get(3), "no draft shared this item's content");
        assertEquals("m", values.get(4));
        assertEquals(4, values.get(header.indexOf("draft_A_rating")));
        assertEquals(0.5, values.get(header.indexOf("draft_A_blind_edit_similarity")));
        assertEquals(null, values.get(header.indexOf("draft_B_model")), "a slot the item lacks stays empty");
    }

    @Test
    void priorSameContentListsTheFamiliesWhoseDraftsOfThisContentWereSeenBefore() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("prior_exposure", List.of(Map.of("family", "x", "count", 5, "same_content", 2),
                Map.of("family", "y", "count", 1, "same_content", 0), Map.of("family", "z", "count", 3, "same_content", 1)));
        row.put("drafts", List.of());
        List<String> header = CsvRows.header(List.copyOf(row.keySet()), 0);
        List<Object> values = CsvRows.values(row, 0);
        assertEquals(List.of("prior_exposure", "prior_same_content"), header);
        assertEquals(List.of("x=5;y=1;z=3", "x=2;z=1"), values);
    }
}
