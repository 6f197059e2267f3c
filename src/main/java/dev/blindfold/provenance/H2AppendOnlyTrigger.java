package dev.blindfold.provenance;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL guard: refuses UPDATE and DELETE on the tables it is attached
 * to (see db/migration/h2). Loaded by H2 by name; the app never issues such statements.
 */
public class H2AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("blindfold: " + (newRow == null ? "DELETE" : "UPDATE") + " on " + table
                + " is not allowed (append-only)", "42501");
    }
}
