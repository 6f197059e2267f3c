package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sinks end a payload only when told it is complete, and refuse text they cannot write faithfully. Plain JUnit. */
class RowSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJsonArrayIsClosedOnlyByFinish() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSink sink = RowSink.jsonArray(JSON, out);
        sink.accept(Map.of("id", "a"));
        sink.flush();
        assertEquals("[{\"id\":\"a\"}\n", out.toString(StandardCharsets.UTF_8), "a failed export stops here, unclosed");
        sink.finish();
        assertEquals("[{\"id\":\"a\"}\n]\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everySinkRefusesARowHoldingALoneSurrogateNamingTheFieldAndTheLabel() throws Exception {
        Map<String, Object> row = Map.of("assignment_id", 17L, "blind_answer", "x\uD800");
        for (RowSink sink : List.of(RowSink.jsonl(JSON, new ByteArrayOutputStream()),
                RowSink.jsonArray(JSON, new ByteArrayOutputStream()),
                RowSink.csv(new ByteArrayOutputStream(), List.of("blind_answer"), r -> List.of(r.get("blind_answer"))))) {
            ExportText.Malformed refused = assertThrows(ExportText.Malformed.class, () -> sink.accept(row));
            assertTrue(refused.getMessage().startsWith("the stored text at blind_answer of assignment 17 is not valid Unicode"),
                    refused.getMessage());
            assertTrue(!refused.getMessage().contains("\uD800"), "the text itself is never repeated");
        }
    }

    @Test
    void csvWritesValidPairsAsUtf8() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSink sink = RowSink.csv(out, List.of("a"), r -> List.of(r.get("a")));
        sink.accept(Map.of("a", "\uD83D\uDE00"));
        sink.finish();
        assertEquals("a\r\n\uD83D\uDE00\r\n", out.toString(StandardCharsets.UTF_8));
    }
}
