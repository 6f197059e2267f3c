package dev.blindfold.project;

import dev.blindfold.support.Sequences;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Writes many unlabelled items into a project with batched JDBC, for tests that need a project of real-project size
 * in seconds: ids from {@code items_SEQ} (moved past the block used), a commit every {@value #BATCH} rows (H2 slows
 * down in one large transaction), no drafts, and the queue's columns left to their defaults, as an import leaves them
 * (no place taken, a random {@code queue_rank}); then the project's item count is raised by the import's own hook,
 * {@link QueueCounts#itemsAdded}. A rebuild would give the same counts, but it recomputes every item's places and took
 * longer than the inserts on H2.
 */
public final class BulkItems {

    private static final int BATCH = 5_000;

    private final DataSource dataSource;

    public BulkItems(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void write(long projectId, int items) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long first = Sequences.reserve(c, "items_SEQ", items);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = c.prepareStatement("insert into items (id, project_id, external_id, input,"
                    + " created_at) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < items; i++) {
                    insert.setLong(1, first + i);
                    insert.setLong(2, projectId);
                    insert.setString(3, "bulk-" + i);
                    insert.setString(4, "Question " + i + ": how do I reset my password?");
                    insert.setObject(5, now);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == items - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        QueueCounts counts = Arc.container().instance(QueueCounts.class).get();
        QuarkusTransaction.requiringNew().run(() -> counts.itemsAdded(projectId, items));
    }
}
