package dev.blindfold.audit.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineFormatsTest {

    @Test
    void gapsReadAsMillisecondsSecondsMinutesHoursAndDays() {
        assertEquals("+0 ms", TimelineFormats.gap(0L));
        assertEquals("+850 ms", TimelineFormats.gap(850L));
        assertEquals("+1.0 s", TimelineFormats.gap(1_000L));
        assertEquals("+4.2 s", TimelineFormats.gap(4_250L));
        assertEquals("+59.9 s", TimelineFormats.gap(59_999L));
        assertEquals("+1 min 0 s", TimelineFormats.gap(60_000L));
        assertEquals("+3 min 10 s", TimelineFormats.gap(190_400L));
        assertEquals("+2 h 05 min", TimelineFormats.gap((2 * 3600 + 5 * 60 + 9) * 1000L));
        assertEquals("+3 d 4 h", TimelineFormats.gap((3 * 86400 + 4 * 3600 + 120) * 1000L));
    }

    @Test
    void aNegativeGapIsMarkedAndAMissingOneIsADash() {
        assertEquals("−4.2 s", TimelineFormats.gap(-4_200L));
        assertEquals("–", TimelineFormats.gap(null));
    }

    @Test
    void timesAreShownToTheMillisecondInUtc() {
        assertEquals("2026-05-21 14:03:59.123 UTC", TimelineFormats.utcMillis(Instant.parse("2026-05-21T14:03:59.123999Z")));
        assertEquals("–", TimelineFormats.utcMillis(null));
    }
}
