package dev.blindfold.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Template helpers: {@code {instant.utc}} prints a time to the minute, as "2026-05-21 14:03 UTC". */
@TemplateExtension
public final class TimeFormats {

    private static final DateTimeFormatter MINUTES_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    public static String utc(Instant time) {
        return MINUTES_UTC.format(time);
    }
}
