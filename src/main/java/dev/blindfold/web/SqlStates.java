package dev.blindfold.web;

import java.sql.SQLException;
import java.util.Set;

/** What a database failure was, read from the SQLState of any {@link SQLException} in its cause chain. */
public final class SqlStates {

    private SqlStates() {
    }

    /** Whether {@code e} or one of its causes is an SQLException whose SQLState is one of {@code states}. */
    public static boolean causedBy(Throwable e, Set<String> states) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
