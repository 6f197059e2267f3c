package dev.blindfold.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The rows of labelled items written by batched JDBC into the real tables, as the import and the blind loop would
 * leave them: items, drafts, assignments, blind and final answers. Their events go through {@link ChainRows}; ids
 * come from blocks the caller reserved ({@link Sequences}). Nothing is sent until {@link #executeBatch}.
 */
public final class LabelRows implements AutoCloseable {

    private final PreparedStatement item;
    private final PreparedStatement draft;
    private final PreparedStatement assignment;
    private final PreparedStatement blind;
    private final PreparedStatement fin;

    public LabelRows(Connection c) throws SQLException {
        item = c.prepareStatement("insert into items (id, project_id, external_id, input, metadata, created_at)"
                + " values (?, ?, ?, ?, ?, ?)");
        draft = c.prepareStatement("insert into drafts (id, item_id, model, family, version, text)"
                + " values (?, ?, ?, ?, ?, ?)");
        assignment = c.prepareStatement("insert into assignments (id, project_id, item_id, annotator_id, position,"
                + " status, draft_order, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
        blind = c.prepareStatement("insert into blind_answers (assignment_id, answer, committed_at) values (?, ?, ?)");
        fin = c.prepareStatement("insert into final_answers (assignment_id, decision, answer, accepted_slot, saved_at)"
                + " values (?, ?, ?, ?, ?)");
    }

    public void item(long id, long projectId, String externalId, String input, String metadata, Instant at)
            throws SQLException {
        item.setLong(1, id);
        item.setLong(2, projectId);
        item.setString(3, externalId);
        item.setString(4, input);
        item.setString(5, metadata);
        item.setObject(6, time(at));
        item.addBatch();
    }

    public void draft(long id, long itemId, String model, String family, String version, String text)
            throws SQLException {
        draft.setLong(1, id);
        draft.setLong(2, itemId);
        draft.setString(3, model);
        draft.setString(4, family);
        draft.setString(5, version);
        draft.setString(6, text);
        draft.addBatch();
    }

    /** {@code draftOrder}: the revealed drafts' ids in slot order, comma-separated, or null before a reveal. */
    public void assignment(long id, long projectId, long itemId, long annotatorId, int position, String status,
                           String draftOrder, Instant at) throws SQLException {
        assignment.setLong(1, id);
        assignment.setLong(2, projectId);
        assignment.setLong(3, itemId);
        assignment.setLong(4, annotatorId);
        assignment.setInt(5, position);
        assignment.setString(6, status);
        assignment.setString(7, draftOrder);
        assignment.setObject(8, time(at));
        assignment.addBatch();
    }

    public void blind(long assignmentId, String answer, Instant at) throws SQLException {
        blind.setLong(1, assignmentId);
        blind.setString(2, answer);
        blind.setObject(3, time(at));
        blind.addBatch();
    }

    public void fin(long assignmentId, String decision, String answer, String acceptedSlot, Instant at)
            throws SQLException {
        fin.setLong(1, assignmentId);
        fin.setString(2, decision);
        fin.setString(3, answer);
        fin.setString(4, acceptedSlot);
        fin.setObject(5, time(at));
        fin.addBatch();
    }

    /** Sends every batch, parents first. */
    public void executeBatch() throws SQLException {
        for (PreparedStatement s : statements()) {
            s.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : statements()) {
            s.close();
        }
    }

    private List<PreparedStatement> statements() {
        return List.of(item, draft, assignment, blind, fin);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
