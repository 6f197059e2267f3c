package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Jackson quotes the offending value in some messages; a 10 MB string sent where a list belongs (PATCH /api/users
 * with "roles":"xxx…") once kept a worker thread in the class-name regex for many minutes.
 */
class ErrorMessagesTest {

    @Test
    void aHugeQuotedValueIsCutBeforeTheClassNamesAreStripped() {
        String message = "Cannot construct instance of `java.util.ArrayList` (no String-argument constructor/factory"
                + " method to deserialize from String value ('" + "x".repeat(10_000_000) + "')";
        String cleaned = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> ErrorMappers.withoutClassNames(message));
        assertTrue(cleaned.length() <= ErrorMappers.MAX_MESSAGE + 1, "cut: " + cleaned.length());
        assertTrue(cleaned.startsWith("Cannot construct instance of `ArrayList`"), cleaned.substring(0, 60));
    }

    @Test
    void shortMessagesOnlyLoseTheirClassNames() {
        assertEquals("Cannot deserialize value of type `Long` from String \"x\"",
                ErrorMappers.withoutClassNames("Cannot deserialize value of type `java.lang.Long` from String \"x\""));
    }
}
