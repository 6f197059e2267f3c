package dev.blindfold.audit.timeline;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Template helpers for timelines: {@code {ms.gap}} prints a duration in milliseconds as the time since
 * something ("+850 ms", "+4.2 s", "+3 min 10 s", "+2 h 05 min", "+3 d 4 h"; "−" before a negative one, "–"
 * for none), and {@code {instant.utcMillis}} prints a time to the millisecond in UTC. ({@code web.TimeFormats}
 * prints to the minute: too coarse for the seconds between events.)
 */
@TemplateExtension
public final class TimelineFormats {

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private TimelineFormats() {
    }

    public static String gap(Long ms) {
        if (ms == null) {
            return "–";
        }
        String sign = ms < 0 ? "−" : "+";
        long t = Math.abs(ms);
        if (t < 1_000) {
            return sign + t + " ms";
        }
        if (t < 60_000) {
            return sign + String.format(Locale.ROOT, "%.1f s", Math.floor(t / 100.0) / 10);
        }
        long s = t / 1_000;
        if (s < 3_600) {
            return sign + s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return sign + s / 3_600 + " h " + String.format(Locale.ROOT, "%02d", s % 3_600 / 60) + " min";
        }
        return sign + s / 86_400 + " d " + s % 86_400 / 3_600 + " h";
    }

    public static String utcMillis(Instant time) {
        return time == null ? "–" : MILLIS_UTC.format(time);
    }
}
