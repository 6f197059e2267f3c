package dev.blindfold.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Blocks of ids for rows a test or benchmark writes by plain JDBC beside the app: taken from a table's sequence and
 * the sequence restarted past them, with a margin either side, so Hibernate's pooled ids (50 a block) never meet them.
 */
public final class Sequences {

    private Sequences() {
    }

    /** Takes {@code count} ids from a sequence's current value on and restarts the sequence past them; commits. */
    public static long reserve(Connection c, String sequence, long count) throws SQLException {
        long first;
        boolean h2 = c.getMetaData().getDatabaseProductName().startsWith("H2");
        try (PreparedStatement next = c.prepareStatement(h2 ? "select next value for " + sequence
                : "select nextval('" + sequence.toLowerCase(Locale.ROOT) + "')");
             ResultSet r = next.executeQuery()) {
            r.next();
            first = r.getLong(1) + 100;
        }
        try (PreparedStatement restart = c.prepareStatement("alter sequence " + sequence + " restart with "
                + (first + count + 100))) {
            restart.execute();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return first;
    }
}
