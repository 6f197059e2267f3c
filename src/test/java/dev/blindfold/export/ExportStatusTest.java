package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import dev.blindfold.web.LongReads;

/** An export's status as its manifest reports it, and the reason a failed one records. Plain JUnit. */
class ExportStatusTest {

    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void anExportStillStreamingPastTheExportTimeLimitIsReportedAsFailed() {
        assertEquals(ExportStatus.STREAMING, ExportStatus.of("streaming", T, T.plusSeconds(LongReads.TIMEOUT_SECONDS)));
        assertEquals(ExportStatus.FAILED, ExportStatus.of("streaming", T, T.plus(ExportStatus.ABANDONED_AFTER).plusSeconds(1)));
        assertEquals(ExportStatus.COMPLETE, ExportStatus.of("complete", T, T.plusSeconds(86_400 * 365)));
        assertEquals(ExportStatus.FAILED, ExportStatus.of("failed", T, T));
        assertEquals("complete", ExportStatus.COMPLETE.wireName());
    }

    @Test
    void aFailureSaysWhyInWordsWithoutClassNames() throws IOException {
        PayloadStream payload = new PayloadStream(new ByteArrayOutputStream());
        payload.write(new byte[10]);
        ExportFailure malformed = ExportFailure.of(new RuntimeException(new ExportText.Malformed("the stored text at x is bad")),
                3, payload);
        assertEquals("the stored text at x is bad (after 3 rows, 10 bytes)", malformed.reason());
        assertTrue(malformed.expected());
        ExportFailure bug = ExportFailure.of(new IllegalStateException("java.lang.Oops in dev.blindfold.Thing"), 1, payload);
        assertEquals("an internal error stopped the export (after 1 row, 10 bytes); the server log has the details", bug.reason());
        assertTrue(!bug.expected());
    }

    @Test
    void aClientThatWentAwayIsNamedAsSuch() {
        PayloadStream payload = new PayloadStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the client closed the connection");
            }
        });
        UncheckedIOException gone = new UncheckedIOException(new IOException("x"));
        try {
            payload.write(new byte[] {1});
        } catch (IOException expected) {
            gone.addSuppressed(expected);
        }
        assertEquals("the client closed the connection before the export finished (after 0 rows, 1 bytes)",
                ExportFailure.of(gone, 0, payload).reason());
    }

    @Test
    void aLongReasonIsShortenedWithoutSplittingAPair() {
        String reason = "x".repeat(ExportRecord.MAX_FAILURE - 2) + "\uD83D\uDE00" + "y".repeat(10);
        String stored = ExportManifests.shortened(reason);
        assertTrue(stored.length() <= ExportRecord.MAX_FAILURE, String.valueOf(stored.length()));
        assertTrue(dev.blindfold.web.UnicodeText.isValid(stored));
        assertTrue(stored.endsWith("…"));
    }
}
