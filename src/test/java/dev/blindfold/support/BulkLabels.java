package dev.blindfold.support;

import dev.blindfold.facts.FactRebuild;
import dev.blindfold.project.QueueCounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.blindfold.provenance.chain.EventType;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes many labelled items straight into the database with batched JDBC, for the large-export test and
 * the export benchmark: items with two drafts (families {@code alpha}, {@code beta}), {@code overlap}
 * labels per item from the given annotators in turn, and for each label the events the server would have
 * written, hash-chained exactly as {@code EventLog} does (one chain per project and annotator). Every third
 * label is kept without a reveal (blind only), every third is revealed and kept, every third revealed and
 * revised, so all the exporter's paths run. Ids come from the tables' sequences, which are moved past the block used.
 */
public final class BulkLabels {

    private static final int BATCH = 1_000;
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final DataSource dataSource;

    public BulkLabels(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What was written. */
    public record Written(int items, int labels, int events) {
    }

    public Written write(long projectId, List<Long> annotators, int items, int overlap) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long itemId = Sequences.reserve(c, "items_SEQ", items);
            long draftId = Sequences.reserve(c, "drafts_SEQ", 2L * items);
            long assignmentId = Sequences.reserve(c, "assignments_SEQ", (long) items * overlap);
            long eventId = Sequences.reserve(c, "events_SEQ", 5L * items * overlap);
            Map<Long, Integer> positions = new HashMap<>();
            int written;
            try (LabelRows rows = new LabelRows(c); ChainRows events = new ChainRows(c, projectId, eventId)) {
                int turn = 0;
                for (int i = 0; i < items; i++) {
                    long iid = itemId + i;
                    rows.item(iid, projectId, "bulk-" + i, "Question " + i + ": how do I reset my password when the emailed"
                            + " link has expired? I tried twice from the sign-in page, waited an hour, and the new link says"
                            + " it is no longer valid either. My account is shared with a colleague who also cannot sign in,"
                            + " and our admin says nothing was changed on their side. What should we try next, and is there"
                            + " a way to reset it without the email link?", "{\"topic\":\"account\"}", START.plusSeconds(i));
                    List<Map<String, Object>> order = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        long did = draftId + 2L * i + k;
                        String family = k == 0 ? "alpha" : "beta";
                        String text = "Draft by " + family + " for question " + i + ": open Settings, then Account, then Reset.";
                        rows.draft(did, iid, family + "-model", family, "v1", text);
                        order.add(Map.of("slot", String.valueOf((char) ('A' + k)), "draftId", did, "model", family + "-model",
                                "family", family, "version", "v1", "text", text));
                    }
                    for (int o = 0; o < overlap; o++) {
                        long annotator = annotators.get(turn++ % annotators.size());
                        long aid = assignmentId + (long) i * overlap + o;
                        int kind = (int) (aid % 3);
                        String answer = "Blind answer " + i + "/" + o + ": use the reset page and request a new link.";
                        int position = positions.merge(annotator, 1, Integer::sum);
                        Instant shown = START.plusSeconds(60L * position);
                        rows.assignment(aid, projectId, iid, annotator, position, "FINAL",
                                kind == 0 ? null : (draftId + 2L * i) + "," + (draftId + 2L * i + 1), shown);
                        rows.blind(aid, answer, shown.plusMillis(40_000));
                        events.append(annotator, aid, EventType.ITEM_SHOWN, shown, Map.of("position", position, "resumed", false));
                        events.append(annotator, aid, EventType.BLIND_COMMITTED, shown.plusMillis(40_000), Map.of("answer", answer));
                        String finalAnswer = kind == 2 ? answer + " Then sign in again." : answer;
                        if (kind != 0) {
                            events.append(annotator, aid, EventType.DRAFTS_REVEALED, shown.plusMillis(41_000),
                                    Map.of("order", order, "repeat", false));
                        }
                        Map<String, Object> saved = new LinkedHashMap<>();
                        saved.put("decision", kind == 2 ? "REVISE" : "KEEP");
                        saved.put("answer", finalAnswer);
                        saved.put("acceptedSlot", null);
                        saved.put("preferredSlot", null);
                        saved.put("revealed", kind != 0);
                        events.append(annotator, aid, EventType.FINAL_SAVED, shown.plusMillis(50_000), saved);
                        rows.fin(aid, kind == 2 ? "REVISE" : "KEEP", finalAnswer, null, shown.plusMillis(50_000));
                    }
                    if ((i + 1) % BATCH == 0 || i == items - 1) {
                        rows.executeBatch();
                        events.executeBatch();
                        c.commit();
                    }
                }
                events.heads(c);
                written = events.written();
            }
            c.commit();
            // Rows written past the queue: recompute its kept counts from them, as a repair would. The read models are
            // left to a caller whose views read them (keepFacts: it classifies every label, as an export does).
            Arc.container().instance(QueueCounts.class).get().rebuild(projectId);
            return new Written(items, items * overlap, written);
        }
    }

    /** Builds the project's read models from the rows written, as a start after an upgrade would. */
    public static void keepFacts(long projectId) {
        FactRebuild facts = Arc.container().instance(FactRebuild.class).get();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> facts.rebuild(projectId));
    }
}
