package dev.blindfold.packaged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a packaged app stored, straight from its database, and names every way the provenance log and
 * the answers disagree: a chain with a gap or a head that is not its last event, a reveal with no earlier
 * commit on its chain, a blind answer without its BLIND_COMMITTED event or the other way round.
 */
final class StoredLog {

    private final Connection c;

    StoredLog(Connection c) {
        this.c = c;
    }

    /** Each problem found in the project, as a sentence; empty when the log and the answers agree. */
    List<String> problems(long projectId) throws SQLException {
        List<String> problems = new ArrayList<>(chainProblems(projectId));
        rows("""
                SELECT r.assignment_id, r.seq FROM events r
                 WHERE r.project_id = ? AND r.type = 'DRAFTS_REVEALED'
                   AND NOT EXISTS (SELECT 1 FROM events b WHERE b.project_id = r.project_id AND b.actor_id = r.actor_id
                                     AND b.assignment_id = r.assignment_id AND b.type = 'BLIND_COMMITTED' AND b.seq < r.seq)
                """, projectId).forEach(r -> problems.add("assignment " + r[0] + ": reveal at seq " + r[1] + " without an earlier commit"));
        rows("""
                SELECT b.assignment_id, 0 FROM blind_answers b JOIN assignments a ON a.id = b.assignment_id
                 WHERE a.project_id = ?
                   AND NOT EXISTS (SELECT 1 FROM events e WHERE e.assignment_id = b.assignment_id AND e.type = 'BLIND_COMMITTED')
                """, projectId).forEach(r -> problems.add("assignment " + r[0] + ": blind answer without its BLIND_COMMITTED event"));
        rows("""
                SELECT e.assignment_id, e.seq FROM events e
                 WHERE e.project_id = ? AND e.type = 'BLIND_COMMITTED'
                   AND NOT EXISTS (SELECT 1 FROM blind_answers b WHERE b.assignment_id = e.assignment_id)
                """, projectId).forEach(r -> problems.add("assignment " + r[0] + ": BLIND_COMMITTED at seq " + r[1] + " without a blind answer"));
        return problems;
    }

    /** Every chain's seqs are 1..N without gaps or repeats, and its head row says N. */
    private List<String> chainProblems(long projectId) throws SQLException {
        Map<Long, List<Long>> seqs = new LinkedHashMap<>();
        rows("SELECT actor_id, seq FROM events WHERE project_id = ? ORDER BY actor_id, seq", projectId)
                .forEach(r -> seqs.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        Map<Long, Long> heads = new LinkedHashMap<>();
        rows("SELECT actor_id, seq FROM chain_heads WHERE project_id = ?", projectId).forEach(r -> heads.put(r[0], r[1]));
        List<String> problems = new ArrayList<>();
        seqs.forEach((actor, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != i + 1) {
                    problems.add("chain of actor " + actor + ": seq " + list.get(i) + " where " + (i + 1) + " belongs");
                    return;
                }
            }
            if (!Long.valueOf(list.size()).equals(heads.get(actor))) {
                problems.add("chain of actor " + actor + ": " + list.size() + " events but head at " + heads.get(actor));
            }
        });
        heads.keySet().stream().filter(actor -> !seqs.containsKey(actor) && heads.get(actor) > 0)
                .forEach(actor -> problems.add("chain of actor " + actor + ": head at " + heads.get(actor) + " but no events"));
        return problems;
    }

    /** The blind answer stored for an assignment, or null. */
    String blindAnswer(long assignmentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT answer FROM blind_answers WHERE assignment_id = ?")) {
            s.setLong(1, assignmentId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** Rows of two longs from a query with one long parameter. */
    List<long[]> rows(String sql, long parameter) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return out;
    }
}
