package dev.blindfold.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.audit.anchoring.AnchoringTables;
import dev.blindfold.audit.anchoring.AnchoringService;
import dev.blindfold.audit.mirrorgap.MirrorGapOracle;
import dev.blindfold.audit.mirrorgap.MirrorGapRow;
import dev.blindfold.audit.mirrorgap.MirrorGapService;
import dev.blindfold.audit.report.ReportOracle;
import dev.blindfold.agreement.AgreementService;
import dev.blindfold.support.Api;
import dev.blindfold.support.ReusedInput;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read models kept with the events equal a rebuild from the log, and what the views read from them equals what the
 * log says, after random histories: three annotators on two FREE_TEXT projects that share inputs (so reveals in one
 * make labels in the other seen_before_commit), moving at random through next, client events, commit (answers drawn
 * from a small pool so items agree and disagree, some the text of a draft), skip, reveal, repeat reveals, and KEEP,
 * REVISE or ACCEPT finals. Checked: every kept table (label facts, week sums, alpha tallies, shown content) against
 * {@link FactRebuild}; the audit report (annotator rows, drift, flags, exposure) against {@link ReportOracle}, which
 * classifies every label from the log; agreement against {@link AgreementService#recount}; the mirror gap against
 * {@link MirrorGapOracle}, which builds gold from the answers as the report did before the mirror gap was kept.
 */
@QuarkusTest
class RebuildEqualsIncrementalTest {

    private static final List<String> ANSWERS = List.of("Refund it.", "Refund it.", "Ask for the invoice.", "No.");

    @Inject
    FactRebuild rebuild;

    @Inject
    AnchoringService anchoring;

    @Inject
    AgreementService agreement;

    @Inject
    ReportOracle oracle;

    @Inject
    MirrorGapService mirrorGap;

    @Inject
    MirrorGapOracle mirrorGapOracle;

    @Inject
    DataSource db;

    /** What one annotator has open in one project. */
    private record Open(long assignmentId, int step) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void keptFactsEqualARebuildAndTheLog(long seed) throws SQLException {
        Random random = new Random(seed);
        String ops = TestData.user("ops");
        List<String> annotators = List.of(TestData.user("annotator"), TestData.user("annotator"), TestData.user("annotator"));
        String tag = TestData.unique("f");
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String input = "Customer " + i + " (" + tag + "): I was charged twice.";
            first.append(ReusedInput.item("a" + i, input, "famx", "Refund it.", "famy", "Y says no " + tag + i));
            second.append(ReusedInput.item("b" + i, input.replace(" ", "  "), "famx", "X anew " + tag + i, "famz",
                    "Refund it."));
        }
        List<Long> projects = List.of(
                TestData.project(ops, "FREE_TEXT", null, 2, "REVEAL_AFTER_COMMIT", first.toString(), annotators),
                TestData.project(ops, "FREE_TEXT", null, 2, "REVEAL_AFTER_COMMIT", second.toString(), annotators));
        Map<String, Open> open = new HashMap<>();
        for (int step = 0; step < 120; step++) {
            String who = annotators.get(random.nextInt(annotators.size()));
            long project = projects.get(random.nextInt(projects.size()));
            String key = who + "/" + project;
            Open o = open.get(key);
            if (o == null) {
                Response r = Api.as(who).get("/api/projects/" + project + "/next");
                if (r.statusCode() == 200) {
                    long aid = r.jsonPath().getLong("assignmentId");
                    open.put(key, new Open(aid, 0));
                    if (random.nextBoolean()) {
                        Api.as(who).body(List.of(Map.of("type", "PASTE", "data", Map.of("chars", 1 + random.nextInt(40))),
                                Map.of("type", "FOCUS_LOST"), Map.of("type", "FOCUS_RETURNED")))
                                .post("/api/assignments/" + aid + "/events").then().statusCode(202);
                    }
                } else {
                    assertEquals(204, r.statusCode(), r.asString());
                }
                continue;
            }
            long aid = o.assignmentId();
            switch (o.step()) {
                case 0 -> {
                    if (random.nextInt(6) == 0) {
                        Api.as(who).body(Map.of("reason", "unclear")).post("/api/assignments/" + aid + "/skip")
                                .then().statusCode(200);
                        open.remove(key);
                    } else {
                        TestData.commit(who, aid, ANSWERS.get(random.nextInt(ANSWERS.size())));
                        open.put(key, new Open(aid, 1));
                    }
                }
                case 1 -> {
                    Api.as(who).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
                    open.put(key, new Open(aid, 2));
                }
                default -> {
                    Map<String, Object> body = switch (random.nextInt(3)) {
                        case 0 -> Map.of("decision", "KEEP");
                        case 1 -> Map.of("decision", "REVISE", "answer", ANSWERS.get(random.nextInt(ANSWERS.size())) + "!");
                        default -> Map.of("decision", "ACCEPT", "acceptedSlot", random.nextBoolean() ? "A" : "B");
                    };
                    Api.as(who).body(body).post("/api/assignments/" + aid + "/final").then().statusCode(200);
                    if (random.nextInt(4) == 0) {
                        Api.as(who).get("/api/assignments/" + aid + "/drafts");
                    }
                    open.remove(key);
                }
            }
        }
        long labels = 0;
        long scoredGaps = 0;
        java.util.Set<String> classes = new java.util.TreeSet<>();
        for (long project : projects) {
            AnchoringTables kept = anchoring.report(project).report();
            AnchoringTables log = QuarkusTransaction.requiringNew().call(() -> oracle.report(project));
            assertRows(log.annotators().stream().map(a -> a.cells()).toList(),
                    kept.annotators().stream().map(a -> a.cells()).toList(), "annotator rows of project " + project);
            assertRows(log.drift().stream().map(a -> a.cells()).toList(),
                    kept.drift().stream().map(a -> a.cells()).toList(), "drift of project " + project);
            assertEquals(log.flags(), kept.flags(), "flags of project " + project);
            assertEquals(log.flags().size(), kept.flagsTotal());
            assertEquals(log.exposure(), kept.exposure(), "exposure of project " + project);
            assertEquals(agreement.recount(project), agreement.agreement(project), "agreement of project " + project);
            List<MirrorGapRow> gap = mirrorGap.mirrorGap(project);
            assertRows(mirrorGapOracle.mirrorGap(project).stream().map(MirrorGapRow::cells).toList(),
                    gap.stream().map(MirrorGapRow::cells).toList(), "mirror gap of project " + project);
            scoredGaps += gap.stream().filter(row -> row.items() > 0).count();
            labels += kept.exposure().values().stream().mapToLong(Long::longValue).sum();
            kept.exposure().forEach((c, n) -> {
                if (n > 0) {
                    classes.add(c);
                }
            });
        }
        System.out.printf("seed %d: %d labels, classes %s%n", seed, labels, classes);
        assertTrue(labels >= 15 && classes.size() >= 3, "the history made labels of several classes: " + labels + " " + classes);
        assertTrue(scoredGaps >= 2, "families with scored items: " + scoredGaps);

        Map<String, String> kept = snapshot(projects, annotators);
        for (long project : projects) {
            QuarkusTransaction.requiringNew().run(() -> rebuild.rebuild(project));
        }
        Map<String, String> rebuilt = snapshot(projects, annotators);
        for (String table : kept.keySet()) {
            assertEquals(rebuilt.get(table), kept.get(table), table + ": kept == rebuilt from the log");
        }
    }

    /**
     * Equal rows, doubles within 10^-8 of each other: kept means are sums of similarities rounded to 10^-9 each, the
     * log's are sums of doubles.
     */
    private static void assertRows(List<List<Object>> expected, List<List<Object>> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": rows " + expected + " vs " + actual);
        for (int r = 0; r < expected.size(); r++) {
            List<Object> e = expected.get(r);
            List<Object> a = actual.get(r);
            assertEquals(e.size(), a.size(), what);
            for (int c = 0; c < e.size(); c++) {
                if (e.get(c) instanceof Double d && a.get(c) instanceof Double k) {
                    assertEquals(d, k, 1e-8, what + " row " + r + " column " + c + ": " + e + " vs " + a);
                } else {
                    assertEquals(e.get(c), a.get(c), what + " row " + r + " column " + c + ": " + e + " vs " + a);
                }
            }
        }
    }

    /** Every kept row of the projects and their annotators, rows whose counters are all 0 left out (a rebuild has none). */
    private Map<String, String> snapshot(List<Long> projects, List<String> annotators) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        String in = projects.toString().replace('[', '(').replace(']', ')');
        out.put("label_facts", rows("SELECT * FROM label_facts WHERE project_id IN " + in + " ORDER BY assignment_id"));
        out.put("annotator_week_facts", rows("SELECT * FROM annotator_week_facts WHERE project_id IN " + in
                + " AND labels <> 0 ORDER BY project_id, annotator_id, week"));
        out.put("answer_units", rows("SELECT * FROM answer_units WHERE project_id IN " + in
                + " AND m <> 0 ORDER BY project_id, week, kind, item_id"));
        out.put("answer_unit_values", rows("SELECT * FROM answer_unit_values WHERE project_id IN " + in
                + " AND n <> 0 ORDER BY project_id, week, kind, item_id, answer_key"));
        out.put("answer_values", rows("SELECT * FROM answer_values WHERE project_id IN " + in
                + " AND pairable <> 0 ORDER BY project_id, week, kind, answer_key"));
        // The project-wide rows in shards (V16): kept in the shard of each changed item, rebuilt in shard 0; their sums.
        out.put("answer_unit_sizes", rows("SELECT project_id, week, kind, m, SUM(units), SUM(equal_pairs)"
                + " FROM answer_unit_sizes WHERE project_id IN " + in + " GROUP BY project_id, week, kind, m"
                + " HAVING SUM(units) <> 0 ORDER BY project_id, week, kind, m"));
        out.put("answer_weeks", rows("SELECT project_id, week, kind, SUM(answers), SUM(units), SUM(pairable),"
                + " SUM(chance_pairs) FROM answer_weeks WHERE project_id IN " + in + " GROUP BY project_id, week, kind"
                + " HAVING SUM(answers) <> 0 ORDER BY project_id, week, kind"));
        out.put("mirror_gap_items", rows("SELECT * FROM mirror_gap_items WHERE project_id IN " + in
                + " AND (blind_e9 IS NOT NULL OR final_e9 IS NOT NULL) ORDER BY project_id, family, item_id"));
        out.put("mirror_gap_families", rows("SELECT project_id, family, SUM(items), SUM(drafts), SUM(blind_e9),"
                + " SUM(final_e9), SUM(diff_squares), SUM(diff_drafts), SUM(draft_squares) FROM mirror_gap_families"
                + " WHERE project_id IN " + in + " GROUP BY project_id, family HAVING SUM(items) <> 0"
                + " ORDER BY project_id, family"));
        out.put("project_families", rows("SELECT * FROM project_families WHERE project_id IN " + in
                + " ORDER BY project_id, family"));
        out.put("shown_content", rows("SELECT s.annotator_id, s.assignment_id, s.shown_at, s.family, s.input_key, s.text_key"
                + " FROM shown_content s JOIN users u ON u.id = s.annotator_id WHERE u.username IN ("
                + String.join(", ", annotators.stream().map(a -> "'" + a + "'").toList()) + ") ORDER BY s.annotator_id,"
                + " s.shown_at, s.id"));
        return out;
    }

    private String rows(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            StringBuilder out = new StringBuilder();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object v = r.getObject(i);
                    out.append(v instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(v)).append('|');
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
