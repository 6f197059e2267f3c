package dev.blindfold.web;

import java.sql.SQLException;
import java.util.Set;

/**
 * Failures that say the database is busy, not that the request or the code is wrong: no pooled connection
 * came free in time (Agroal's acquisition timeout), a lock wait timed out, or the database picked this
 * transaction as a deadlock or serialization victim. They answer 503 with {@code Retry-After}, so a client
 * (or nginx) retries instead of reporting a server bug.
 */
final class Overload {

    /** H2 lock timeout, PostgreSQL lock_not_available, deadlock_detected, serialization_failure. */
    private static final Set<String> BUSY_STATES = Set.of("HYT00", "55P03", "40P01", "40001");
    static final String RETRY_AFTER_SECONDS = "2";

    private Overload() {
    }

    static boolean isOverload(Throwable e) {
        if (SqlStates.causedBy(e, BUSY_STATES)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && acquisitionTimeout(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acquisitionTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
    }
}
