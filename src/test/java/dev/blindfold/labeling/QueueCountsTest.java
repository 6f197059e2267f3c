package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.project.QueueCounts;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue's kept counts (V12; labels per item, labeled and done items, skips per member: V13) equal what a rebuild
 * from the assignments gives, after random histories of next,
 * skip, commit and final by several annotators; and along the way overlap is never exceeded, no annotator gets an
 * item twice, and "item k of N" says N = the items the annotator has had plus those still open to them, counted the
 * slow way.
 */
@QuarkusTest
class QueueCountsTest {

    @Inject
    QueueCounts counts;

    @Inject
    DataSource db;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void keptCountsEqualARebuildAfterRandomHistories(long seed) throws SQLException {
        Random random = new Random(seed);
        int overlap = 1 + (int) (seed % 3);
        Fixture f = TestData.freeText(12, 4, overlap, "REVEAL_AFTER_COMMIT");
        Map<String, Long> open = new HashMap<>();
        Map<String, Long> userIds = new HashMap<>();
        for (int step = 0; step < 70; step++) {
            String annotator = f.annotators().get(random.nextInt(f.annotators().size()));
            Long aid = open.get(annotator);
            if (aid == null) {
                Response r = Api.as(annotator).get("/api/projects/" + f.projectId() + "/next");
                if (r.statusCode() == 204) {
                    continue;
                }
                assertEquals(200, r.statusCode(), r.asString());
                open.put(annotator, r.jsonPath().getLong("assignmentId"));
            } else if (random.nextInt(4) == 0) {
                Api.as(annotator).body(Map.of("reason", "unclear")).post("/api/assignments/" + aid + "/skip")
                        .then().statusCode(200);
                open.remove(annotator);
            } else {
                TestData.commit(annotator, aid, "answer " + step);
                TestData.keep(annotator, aid);
                open.remove(annotator);
            }
            userIds.computeIfAbsent(annotator, this::userId);
            assertHolds(f.projectId(), overlap, userIds);
        }
        Map<String, Object> kept = snapshot(f.projectId());
        counts.rebuild(f.projectId());
        assertEquals(snapshot(f.projectId()), kept, "kept counts == rebuild");
    }

    private void assertHolds(long projectId, int overlap, Map<String, Long> userIds) throws SQLException {
        for (List<Object> row : rows("SELECT i.id, (SELECT COUNT(*) FROM assignments a WHERE a.item_id = i.id"
                + " AND a.status <> 'SKIPPED') FROM items i WHERE i.project_id = ?", projectId)) {
            assertTrue(((Number) row.get(1)).intValue() <= overlap, "overlap exceeded on item " + row.get(0));
        }
        Set<String> pairs = new HashSet<>();
        for (List<Object> row : rows("SELECT annotator_id, item_id FROM assignments WHERE project_id = ?", projectId)) {
            assertTrue(pairs.add(row.toString()), "an item handed out twice: " + row);
        }
        for (Map.Entry<String, Long> user : userIds.entrySet()) {
            long had = number("SELECT COUNT(*) FROM assignments WHERE project_id = ? AND annotator_id = ?",
                    projectId, user.getValue());
            long stillOpen = number("SELECT COUNT(*) FROM items i WHERE i.project_id = ? AND NOT EXISTS (SELECT 1"
                    + " FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = ?) AND (SELECT COUNT(*)"
                    + " FROM assignments a WHERE a.item_id = i.id AND a.status <> 'SKIPPED') < ?",
                    projectId, user.getValue(), overlap);
            long finals = number("SELECT COUNT(*) FROM assignments WHERE project_id = ? AND annotator_id = ?"
                    + " AND status = 'FINAL'", projectId, user.getValue());
            QueueCounts.Progress progress = QuarkusTransaction.requiringNew()
                    .call(() -> counts.progress(projectId, user.getValue()));
            assertEquals(had + stillOpen, progress.total(), "N of " + user.getKey());
            assertEquals(finals, progress.done(), "done of " + user.getKey());
        }
    }

    /** Every kept count of the project, a member's pending deltas folded into their had_full. */
    private Map<String, Object> snapshot(long projectId) throws SQLException {
        Map<String, Object> out = new HashMap<>();
        out.put("items", rows("SELECT id, places_taken, has_open_place, labels FROM items WHERE project_id = ? ORDER BY id",
                projectId).toString());
        out.put("project", rows("SELECT items, full_items, labeled_items, done_items FROM queue_counts WHERE project_id = ?",
                projectId).toString());
        out.put("members", rows("SELECT m.user_id, m.finals, m.skipped, m.had_full + COALESCE((SELECT SUM(d.delta)"
                + " FROM queue_deltas d WHERE d.project_id = m.project_id AND d.annotator_id = m.user_id), 0)"
                + " FROM project_members m WHERE m.project_id = ? ORDER BY m.user_id", projectId).toString());
        return out;
    }

    private long userId(String username) {
        try {
            return number("SELECT id FROM users WHERE username = ?", username);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long number(String sql, Object... parameters) throws SQLException {
        return ((Number) rows(sql, parameters).get(0).get(0)).longValue();
    }

    private List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        Object v = r.getObject(i);
                        row.add(v instanceof Number n ? (Object) n.longValue() : v);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}
