package dev.blindfold.support;

import dev.blindfold.facts.FactRebuild;
import dev.blindfold.project.QueueCounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    private record Chain(long annotator, long[] seq, String[] hash, int[] position) {
    }

    public Written write(long projectId, List<Long> annotators, int items, int overlap) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long itemId = reserve(c, "items_SEQ", items);
            long draftId = reserve(c, "drafts_SEQ", 2L * items);
            long assignmentId = reserve(c, "assignments_SEQ", (long) items * overlap);
            long eventId = reserve(c, "events_SEQ", 5L * items * overlap);
            Map<Long, Chain> chains = new LinkedHashMap<>();
            annotators.forEach(a -> chains.put(a, new Chain(a, new long[1], new String[] {EventChain.GENESIS}, new int[1])));
            int events = 0;
            try (PreparedStatement item = c.prepareStatement("insert into items (id, project_id, external_id, input, metadata,"
                    + " created_at) values (?, ?, ?, ?, ?, ?)");
                 PreparedStatement draft = c.prepareStatement("insert into drafts (id, item_id, model, family, version, text)"
                         + " values (?, ?, ?, ?, ?, ?)");
                 PreparedStatement assignment = c.prepareStatement("insert into assignments (id, project_id, item_id,"
                         + " annotator_id, position, status, draft_order, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement blind = c.prepareStatement("insert into blind_answers (assignment_id, answer, committed_at)"
                         + " values (?, ?, ?)");
                 PreparedStatement fin = c.prepareStatement("insert into final_answers (assignment_id, decision, answer,"
                         + " saved_at) values (?, ?, ?, ?)");
                 PreparedStatement event = c.prepareStatement("insert into events (id, project_id, actor_id, assignment_id,"
                         + " seq, type, server_time, client_time, client_claimed, payload, prev_hash, hash)"
                         + " values (?, ?, ?, ?, ?, ?, ?, null, false, ?, ?, ?)")) {
                int turn = 0;
                for (int i = 0; i < items; i++) {
                    long iid = itemId + i;
                    Instant at = START.plusSeconds(i);
                    item.setLong(1, iid);
                    item.setLong(2, projectId);
                    item.setString(3, "bulk-" + i);
                    item.setString(4, "Question " + i + ": how do I reset my password when the emailed link has expired? I tried twice"
                            + " from the sign-in page, waited an hour, and the new link says it is no longer valid either. My account"
                            + " is shared with a colleague who also cannot sign in, and our admin says nothing was changed on"
                            + " their side. What should we try next, and is there a way to reset it without the email link?");
                    item.setString(5, "{\"topic\":\"account\"}");
                    item.setObject(6, time(at));
                    item.addBatch();
                    List<Map<String, Object>> order = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        long did = draftId + 2L * i + k;
                        String family = k == 0 ? "alpha" : "beta";
                        String text = "Draft by " + family + " for question " + i + ": open Settings, then Account, then Reset.";
                        draft.setLong(1, did);
                        draft.setLong(2, iid);
                        draft.setString(3, family + "-model");
                        draft.setString(4, family);
                        draft.setString(5, "v1");
                        draft.setString(6, text);
                        draft.addBatch();
                        order.add(Map.of("slot", String.valueOf((char) ('A' + k)), "draftId", did, "model", family + "-model",
                                "family", family, "version", "v1", "text", text));
                    }
                    for (int o = 0; o < overlap; o++) {
                        Chain chain = chains.get(annotators.get(turn++ % annotators.size()));
                        long aid = assignmentId + (long) i * overlap + o;
                        int kind = (int) (aid % 3);
                        String answer = "Blind answer " + i + "/" + o + ": use the reset page and request a new link.";
                        assignment.setLong(1, aid);
                        assignment.setLong(2, projectId);
                        assignment.setLong(3, iid);
                        assignment.setLong(4, chain.annotator());
                        int position = ++chain.position()[0];
                        Instant shown = START.plusSeconds(60L * position);
                        assignment.setInt(5, position);
                        assignment.setString(6, "FINAL");
                        assignment.setString(7, kind == 0 ? null : (draftId + 2L * i) + "," + (draftId + 2L * i + 1));
                        assignment.setObject(8, time(shown));
                        assignment.addBatch();
                        blind.setLong(1, aid);
                        blind.setString(2, answer);
                        blind.setObject(3, time(shown.plusMillis(40_000)));
                        blind.addBatch();
                        List<Object[]> log = new ArrayList<>();
                        log.add(new Object[] {EventType.ITEM_SHOWN, shown, Map.of("position", position, "resumed", false)});
                        log.add(new Object[] {EventType.BLIND_COMMITTED, shown.plusMillis(40_000), Map.of("answer", answer)});
                        String finalAnswer = kind == 2 ? answer + " Then sign in again." : answer;
                        if (kind != 0) {
                            log.add(new Object[] {EventType.DRAFTS_REVEALED, shown.plusMillis(41_000), Map.of("order", order, "repeat", false)});
                        }
                        Map<String, Object> saved = new LinkedHashMap<>();
                        saved.put("decision", kind == 2 ? "REVISE" : "KEEP");
                        saved.put("answer", finalAnswer);
                        saved.put("acceptedSlot", null);
                        saved.put("preferredSlot", null);
                        saved.put("revealed", kind != 0);
                        log.add(new Object[] {EventType.FINAL_SAVED, shown.plusMillis(50_000), saved});
                        fin.setLong(1, aid);
                        fin.setString(2, kind == 2 ? "REVISE" : "KEEP");
                        fin.setString(3, finalAnswer);
                        fin.setObject(4, time(shown.plusMillis(50_000)));
                        fin.addBatch();
                        for (Object[] e : log) {
                            long seq = ++chain.seq()[0];
                            EventChain.Entry entry = new EventChain.Entry(projectId, chain.annotator(), aid, seq,
                                    (EventType) e[0], (Instant) e[1], null, false, EventChain.canonicalJson(e[2]));
                            String hash = EventChain.hash(chain.hash()[0], EventChain.canonical(entry));
                            event.setLong(1, eventId + events);
                            event.setLong(2, projectId);
                            event.setLong(3, chain.annotator());
                            event.setLong(4, aid);
                            event.setLong(5, seq);
                            event.setString(6, entry.type().name());
                            event.setObject(7, time(entry.serverTime()));
                            event.setString(8, entry.payload());
                            event.setString(9, chain.hash()[0]);
                            event.setString(10, hash);
                            event.addBatch();
                            chain.hash()[0] = hash;
                            events++;
                        }
                    }
                    if ((i + 1) % BATCH == 0 || i == items - 1) {
                        for (PreparedStatement s : List.of(item, draft, assignment, blind, fin, event)) {
                            s.executeBatch();
                        }
                        c.commit();
                    }
                }
            }
            try (PreparedStatement head = c.prepareStatement("insert into chain_heads (project_id, actor_id, seq, hash)"
                    + " values (?, ?, ?, ?)")) {
                for (Chain chain : chains.values()) {
                    head.setLong(1, projectId);
                    head.setLong(2, chain.annotator());
                    head.setLong(3, chain.seq()[0]);
                    head.setString(4, chain.hash()[0]);
                    head.addBatch();
                }
                head.executeBatch();
            }
            c.commit();
            // Rows written past the queue: recompute its kept counts from them, as a repair would. The read models are
            // left to a caller whose views read them (keepFacts: it classifies every label, as an export does).
            Arc.container().instance(QueueCounts.class).get().rebuild(projectId);
            return new Written(items, items * overlap, events);
        }
    }

    /** Builds the project's read models from the rows written, as a start after an upgrade would. */
    public static void keepFacts(long projectId) {
        FactRebuild facts = Arc.container().instance(FactRebuild.class).get();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> facts.rebuild(projectId));
    }

    /** Takes {@code count} ids from a sequence's current value on and restarts the sequence past them. */
    public static long reserve(Connection c, String sequence, long count) throws SQLException {
        long first;
        boolean h2 = c.getMetaData().getDatabaseProductName().startsWith("H2");
        try (PreparedStatement next = c.prepareStatement(h2 ? "select next value for " + sequence
                : "select nextval('" + sequence.toLowerCase(java.util.Locale.ROOT) + "')");
             ResultSet r = next.executeQuery()) {
            r.next();
            first = r.getLong(1) + 100;
        }
        try (PreparedStatement restart = c.prepareStatement("alter sequence " + sequence + " restart with "
                + (first + count + 100))) {
            restart.execute();
        }
        c.commit();
        return first;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
