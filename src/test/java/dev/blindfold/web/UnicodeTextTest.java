package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule for valid Unicode text and where a JSON tree or a row breaks it, without Quarkus. */
class UnicodeTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLoneHighOrLowSurrogateIsFoundAndAPairIsNot() {
        assertEquals(-1, UnicodeText.loneSurrogate("plain text, accents é, CJK 漢字"));
        assertEquals(-1, UnicodeText.loneSurrogate("emoji \uD83D\uDE00 and \uD83D\uDE00"));
        assertEquals(1, UnicodeText.loneSurrogate("x\uD800"));
        assertEquals(1, UnicodeText.loneSurrogate("x\uD800y"));
        assertEquals(0, UnicodeText.loneSurrogate("\uDC00x"));
        assertEquals(0, UnicodeText.loneSurrogate("\uDE00\uD83D"), "a pair in the wrong order is two lone halves");
        assertEquals(2, UnicodeText.loneSurrogate("\uD83D\uDE00\uDE00"));
        assertTrue(UnicodeText.isValid(null));
        assertFalse(UnicodeText.isValid("\uD800\uD800"));
    }

    @Test
    void findInNamesThePathOfTheFirstBadValueOrKeyInAJsonTree() throws Exception {
        assertNull(UnicodeText.findIn(JSON.readTree("{\"a\":[\"ok \\ud83d\\ude00\",{\"b\":1}]}"), "data"));
        assertEquals("data.a[1].b", UnicodeText.findIn(JSON.readTree("{\"a\":[\"ok\",{\"b\":\"\\ud800\"}]}"), "data"));
        assertEquals("a key in data.a", UnicodeText.findIn(JSON.valueToTree(Map.of("a", Map.of("k\uDC00", 1))), "data"));
        assertEquals("note", UnicodeText.findIn(JSON.readTree("{\"note\":\"\\udfff\"}"), ""));
        assertEquals("a key", UnicodeText.findIn(JSON.valueToTree(Map.of("\uD800", 1)), ""));
        assertNull(UnicodeText.findIn((com.fasterxml.jackson.databind.JsonNode) null, "x"));
    }

    @Test
    void findInWalksPlainRowsToo() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("assignment_id", 17L);
        row.put("blind_answer", "fine");
        row.put("drafts", List.of(Map.of("model", "m"), Map.of("model", "bad \uD800")));
        assertEquals("drafts[1].model", UnicodeText.findIn(row, ""));
        row.put("drafts", List.of());
        assertNull(UnicodeText.findIn(row, ""));
        assertEquals("answer", UnicodeText.findIn((Object) "\uDBFF", "answer"));
    }

    @Test
    void jacksonsOwnKeyRefusalsAreSaidPlainly() {
        assertEquals("a key " + UnicodeText.NOT_UNICODE,
                UnicodeText.parserMessage("Broken surrogate pair in field name: expected '\\' to start low surrogate, got 0x22"));
        assertEquals("a key " + UnicodeText.NOT_UNICODE, UnicodeText.parserMessage("Unexpected low surrogate in field name: 0xdc00"));
        assertEquals("Unexpected end-of-input", UnicodeText.parserMessage("Unexpected end-of-input"));
    }
}
