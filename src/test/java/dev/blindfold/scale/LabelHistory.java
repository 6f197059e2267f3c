package dev.blindfold.scale;

import dev.blindfold.exposure.ContentHash;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.support.ChainRows;
import dev.blindfold.support.LabelRows;
import dev.blindfold.support.Sequences;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A FREE_TEXT project's history of labels written by batched JDBC into the real tables, with the events the server
 * would have logged in its hash chains (one per annotator), payloads as {@code LabelingService} and
 * {@code FinalDecisions} write them: ITEM_SHOWN, BLIND_COMMITTED with {@code inputHash} and {@code draftHashes},
 * DRAFTS_REVEALED with the slot order and {@code inputHash}, FINAL_SAVED. Overlap 2: each item is labelled by two
 * different annotators. Each annotator works through their labels evenly over {@code weeks} weeks ending now; of the
 * labels 10% are kept without a reveal, 45% revealed and kept, 25% revealed and revised, 20% revealed and a draft
 * accepted, and each annotator's last label is revealed and awaits its final answer; 2% of blind steps are shorter
 * than the fast-blind threshold. Answers are free text: the two annotators of 3 items in 10 agree word for word, all
 * other answers are distinct. The queue's kept counts are left to the caller ({@code QueueCounts.rebuild}).
 */
final class LabelHistory {

    /** What was written, and how many labels of each exposure class the classifier should find. */
    record Written(int items, int labels, int events, Map<ExposureClass, Integer> classes) {
    }

    private static final int BATCH = 1_000;
    private static final String[] FAMILIES = {"alpha", "beta"};

    private final DataSource dataSource;

    LabelHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Written write(long projectId, List<Long> annotators, int labels, int weeks) throws SQLException {
        int items = (labels + 1) / 2;
        int[] perAnnotator = new int[annotators.size()];
        for (int n = 0; n < labels; n++) {
            perAnnotator[annotator(n, annotators.size())]++;
        }
        int most = java.util.Arrays.stream(perAnnotator).max().orElse(1);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long stepMs = Duration.ofDays(7L * weeks).toMillis() / most;
        Instant start = end.minusMillis(stepMs * most);
        Map<ExposureClass, Integer> classes = new EnumMap<>(ExposureClass.class);
        int[] positions = new int[annotators.size()];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long itemId = Sequences.reserve(c, "items_SEQ", items);
            long draftId = Sequences.reserve(c, "drafts_SEQ", 2L * items);
            long assignmentId = Sequences.reserve(c, "assignments_SEQ", labels);
            long eventId = Sequences.reserve(c, "events_SEQ", 4L * labels);
            try (LabelRows rows = new LabelRows(c); ChainRows events = new ChainRows(c, projectId, eventId)) {
                for (int i = 0; i < items; i++) {
                    long iid = itemId + i;
                    String input = ScaleTexts.input(i);
                    rows.item(iid, projectId, "scale-" + i, input, null, start.minus(Duration.ofDays(1)));
                    String[] drafts = {ScaleTexts.draft(FAMILIES[0], i), ScaleTexts.draft(FAMILIES[1], i)};
                    for (int k = 0; k < 2; k++) {
                        rows.draft(draftId + 2L * i + k, iid, FAMILIES[k] + "-7b", FAMILIES[k], "2026-11", drafts[k]);
                    }
                    Item item = new Item(iid, draftId + 2L * i, drafts, ContentHash.of(input),
                            List.copyOf(new TreeSet<>(List.of(ContentHash.of(drafts[0]), ContentHash.of(drafts[1])))));
                    for (int o = 0; o < 2 && 2 * i + o < labels; o++) {
                        int n = 2 * i + o;
                        int a = annotator(n, annotators.size());
                        int position = ++positions[a];
                        Label label = new Label(assignmentId + n, annotators.get(a), position,
                                start.plusMillis(stepMs * (position - 1)), ScaleTexts.blind(i, o),
                                position == perAnnotator[a]);
                        classes.merge(label(projectId, item, label, stepMs, rows, events), 1, Integer::sum);
                    }
                    if ((i + 1) % BATCH == 0 || i == items - 1) {
                        rows.executeBatch();
                        events.executeBatch();
                        c.commit();
                    }
                }
                events.heads(c);
                c.commit();
                return new Written(items, labels, events.written(), classes);
            }
        }
    }

    /** The n-th label's annotator: item n/2's two labels go to two different annotators, pairs varying by item. */
    static int annotator(int n, int annotators) {
        int item = n / 2;
        int first = item % annotators;
        return n % 2 == 0 ? first : (first + 1 + (item / annotators) % (annotators - 1)) % annotators;
    }

    private record Item(long id, long firstDraftId, String[] drafts, String inputHash, List<String> draftHashes) {
    }

    private record Label(long assignmentId, long annotatorId, int position, Instant shown, String blind, boolean last) {
    }

    /** Writes one label's rows and events; returns the class the rules give it. */
    private static ExposureClass label(long projectId, Item item, Label l, long stepMs, LabelRows rows, ChainRows events)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(l.assignmentId());
        int kind = random.nextInt(100);
        boolean reveal = l.last() || kind >= 10;
        Instant committed = l.shown().plusMillis(random.nextInt(100) < 2 ? Math.min(2_500, stepMs / 10)
                : (long) (stepMs * (0.15 + 0.35 * random.nextDouble())));
        Instant revealed = committed.plusMillis(stepMs / 30);
        Instant saved = revealed.plusMillis((long) (stepMs * (0.05 + 0.25 * random.nextDouble())));
        int first = random.nextInt(2);
        long[] order = {item.firstDraftId() + first, item.firstDraftId() + 1 - first};
        rows.assignment(l.assignmentId(), projectId, item.id(), l.annotatorId(), l.position(),
                l.last() ? "COMMITTED" : "FINAL", reveal ? order[0] + "," + order[1] : null, l.shown());
        rows.blind(l.assignmentId(), l.blind(), committed);
        events.append(l.annotatorId(), l.assignmentId(), EventType.ITEM_SHOWN, l.shown(),
                Map.of("position", l.position(), "resumed", false));
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("answer", l.blind());
        commit.put("inputHash", item.inputHash());
        commit.put("draftHashes", item.draftHashes());
        events.append(l.annotatorId(), l.assignmentId(), EventType.BLIND_COMMITTED, committed, commit);
        if (reveal) {
            List<Map<String, Object>> shown = List.of(shownDraft(item, "A", first), shownDraft(item, "B", 1 - first));
            events.append(l.annotatorId(), l.assignmentId(), EventType.DRAFTS_REVEALED, revealed,
                    Map.of("order", shown, "repeat", false, "inputHash", item.inputHash()));
        }
        if (l.last()) {
            return ExposureClass.AWAITING_FINAL;
        }
        String decision = kind < 55 ? "KEEP" : kind < 80 ? "REVISE" : "ACCEPT";
        String slot = decision.equals("ACCEPT") ? (kind % 2 == 0 ? "A" : "B") : null;
        String answer = switch (decision) {
            case "KEEP" -> l.blind();
            case "REVISE" -> ScaleTexts.revised(l.blind());
            default -> item.drafts()[slot.equals("A") ? first : 1 - first];
        };
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", decision);
        payload.put("answer", answer);
        payload.put("acceptedSlot", slot);
        payload.put("preferredSlot", null);
        payload.put("revealed", reveal);
        events.append(l.annotatorId(), l.assignmentId(), EventType.FINAL_SAVED, saved, payload);
        rows.fin(l.assignmentId(), decision, answer, slot, saved);
        return !reveal ? ExposureClass.BLIND_ONLY : switch (decision) {
            case "KEEP" -> ExposureClass.BLIND_KEPT;
            case "REVISE" -> ExposureClass.REVISED_AFTER_REVEAL;
            default -> ExposureClass.DRAFT_ACCEPTED;
        };
    }

    private static Map<String, Object> shownDraft(Item item, String slot, int k) {
        return Map.of("slot", slot, "draftId", item.firstDraftId() + k, "model", FAMILIES[k] + "-7b",
                "family", FAMILIES[k], "version", "2026-11", "text", item.drafts()[k]);
    }
}
