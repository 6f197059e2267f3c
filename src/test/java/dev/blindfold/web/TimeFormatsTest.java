package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeFormatsTest {

    @Test
    void aTimeIsShownToTheMinuteInUtcWhateverTheServersZone() {
        assertEquals("2026-05-21 14:03 UTC", TimeFormats.utc(Instant.parse("2026-05-21T14:03:59.999999Z")));
        assertEquals("2026-01-01 00:00 UTC", TimeFormats.utc(Instant.parse("2025-12-31T23:00:00-01:00")));
    }
}
