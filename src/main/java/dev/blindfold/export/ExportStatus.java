package dev.blindfold.export;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import dev.blindfold.web.LongReads;

/**
 * Where an export is: {@code streaming} from its request on, then {@code complete} once every row was sent (its
 * manifest then has rows, completion time and SHA-256) or {@code failed} (a failure time and reason instead).
 * A process that dies mid-export records neither, so an export still streaming after the longest an export may run
 * ({@link LongReads#TIMEOUT_SECONDS}, its transaction's timeout) is reported as failed.
 */
enum ExportStatus {
    STREAMING, COMPLETE, FAILED;

    /** An export older than this that is still streaming cannot finish any more. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(LongReads.TIMEOUT_SECONDS).plusMinutes(5);
    static final String ABANDONED =
            "no end was recorded within the export time limit: the server stopped while streaming";

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ExportStatus parse(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** The status as of {@code now}: a streaming export past {@link #ABANDONED_AFTER} is failed. */
    static ExportStatus of(String stored, Instant createdAt, Instant now) {
        ExportStatus status = parse(stored);
        return status == STREAMING && createdAt.plus(ABANDONED_AFTER).isBefore(now) ? FAILED : status;
    }
}
