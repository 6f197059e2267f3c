package dev.blindfold.audit.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.audit.timeline.Timeline.Detail;
import dev.blindfold.audit.timeline.Timeline.Entry;
import dev.blindfold.audit.timeline.Timeline.EventRow;
import dev.blindfold.audit.timeline.Timeline.Milestone;
import dev.blindfold.audit.timeline.Timeline.ShownDraft;
import dev.blindfold.provenance.chain.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an assignment's events (in chain order) into timeline rows and milestones. Plain Java. */
final class TimelineEvents {

    private TimelineEvents() {
    }

    static List<EventRow> rows(List<Entry> events) {
        List<EventRow> rows = new ArrayList<>();
        Instant previous = null;
        for (Entry e : events) {
            List<ShownDraft> drafts = new ArrayList<>();
            if (e.type() == EventType.DRAFTS_REVEALED) {
                for (JsonNode d : e.data().path("order")) {
                    drafts.add(new ShownDraft(d.path("slot").asText(), d.path("model").asText(), d.path("family").asText(),
                            d.path("version").asText(), d.path("text").asText()));
                }
            }
            rows.add(new EventRow(e.seq(), e.type(), label(e.type()), e.serverTime(), e.clientTime(), e.clientClaimed(),
                    previous == null ? null : millis(previous, e.serverTime()), e.data(), details(e), drafts));
            previous = e.serverTime();
        }
        return rows;
    }

    /** The milestones that happened, in the order shown → first input → paste → commit → reveal → final → skipped. */
    static List<Milestone> milestones(List<Entry> events) {
        Long skew = null;
        Entry shown = null, input = null, paste = null, commit = null, reveal = null, fin = null, skip = null;
        for (Entry e : events) {
            if (e.clientClaimed() && e.clientTime() != null) {
                long s = millis(e.clientTime(), e.serverTime());
                skew = skew == null ? s : Math.min(skew, s);
            }
            switch (e.type()) {
                case ITEM_SHOWN -> shown = shown == null ? e : shown;
                case FIRST_INPUT -> input = input == null ? e : input;
                case PASTE -> paste = paste == null && commit == null ? e : paste;
                case BLIND_COMMITTED -> commit = commit == null ? e : commit;
                case DRAFTS_REVEALED -> reveal = reveal == null ? e : reveal;
                case FINAL_SAVED -> fin = fin == null ? e : fin;
                case SKIPPED -> skip = skip == null ? e : skip;
                default -> { }
            }
        }
        List<Milestone> out = new ArrayList<>();
        add(out, "shown", shown, skew);
        add(out, "first_input", input, skew);
        add(out, "paste", paste, skew);
        add(out, "committed", commit, skew);
        add(out, "revealed", reveal, skew);
        add(out, "final", fin, skew);
        add(out, "skipped", skip, skew);
        return out;
    }

    private static void add(List<Milestone> out, String name, Entry e, Long skew) {
        if (e == null) {
            return;
        }
        boolean claimed = e.clientClaimed() && e.clientTime() != null;
        Instant at = claimed ? e.clientTime().plusMillis(skew) : e.serverTime();
        Long since = out.isEmpty() ? null : millis(out.get(out.size() - 1).at(), at);
        out.add(new Milestone(name, label(e.type()), at, claimed, since));
    }

    /** An event type in words. */
    static String label(EventType type) {
        return switch (type) {
            case ITEM_SHOWN -> "Item shown";
            case BLIND_COMMITTED -> "Blind answer committed";
            case DRAFTS_REVEALED -> "Drafts revealed";
            case FINAL_SAVED -> "Final answer saved";
            case DRAFTS_RATED -> "Drafts rated";
            case SKIPPED -> "Skipped";
            case RELEASED -> "Place released";
            case DRAFT_REDACTED -> "Draft redacted (it named its model)";
            case DRAFT_DROPPED -> "Draft dropped (it named its model)";
            case GOLD_ITEM_SET -> "Gold item's known answer set";
            case GOLD_ITEM_CLEARED -> "Gold item made regular";
            case FIRST_INPUT -> "First input";
            case PASTE -> "Paste";
            case FOCUS_LOST -> "Focus lost";
            case FOCUS_RETURNED -> "Focus returned";
            case VISIBILITY_HIDDEN -> "Page hidden";
            case KEYSTROKES -> "Keystrokes";
            case REVIEW_SHOWN -> "Review shown (blind answers, anonymous)";
            case ADJUDICATION_COMMITTED -> "Adjudication committed";
            case ADJUDICATION_REVEALED -> "Drafts revealed to the reviewer";
            case ADJUDICATION_FINAL -> "Adjudication final";
        };
    }

    /** The payload in words; a reveal's drafts are listed apart ({@link EventRow#drafts()}). */
    static List<Detail> details(Entry e) {
        JsonNode d = e.data();
        List<Detail> out = new ArrayList<>();
        switch (e.type()) {
            case ITEM_SHOWN -> {
                out.add(new Detail("position", d.path("position").asText()));
                if (d.path("resumed").asBoolean(false)) {
                    out.add(new Detail("resumed", "yes, shown before"));
                }
                guidelines(out, d);
                if (d.path("labelOrder").isArray()) {
                    List<String> labels = new ArrayList<>();
                    d.get("labelOrder").forEach(l -> labels.add(l.asText()));
                    out.add(new Detail("labels shown", String.join(" · ", labels)));
                }
            }
            case BLIND_COMMITTED -> {
                out.add(new Detail("answer", d.path("answer").asText()));
                guidelines(out, d);
                if (d.hasNonNull("readingMs") && d.hasNonNull("decisionMs")) {
                    out.add(new Detail("attention check", String.format(java.util.Locale.ROOT,
                            "%.1f s to read the item + %.1f s project minimum", d.get("readingMs").asLong() / 1000.0,
                            d.get("decisionMs").asLong() / 1000.0)));
                }
            }
            case DRAFTS_REVEALED -> {
                if (d.path("repeat").asBoolean(false)) {
                    out.add(new Detail("repeat", "yes, shown again"));
                }
            }
            case FINAL_SAVED -> {
                out.add(new Detail("decision", d.path("decision").asText()));
                out.add(new Detail("answer", d.path("answer").asText()));
                optional(out, d, "acceptedSlot", "accepted slot");
                optional(out, d, "preferredSlot", "preferred slot");
            }
            case DRAFTS_RATED -> {
                List<String> ratings = new ArrayList<>();
                d.path("ratings").fields().forEachRemaining(r -> ratings.add(r.getKey() + ": " + r.getValue().asText()));
                out.add(new Detail("ratings", String.join(", ", ratings)));
            }
            case SKIPPED -> out.add(new Detail("reason", d.path("reason").asText()));
            case PASTE -> out.add(new Detail("chars", d.path("chars").asText()));
            case KEYSTROKES -> out.add(new Detail("count", d.path("count").asText()));
            default -> d.fields().forEachRemaining(f -> out.add(new Detail(f.getKey(), text(f))));
        }
        return out;
    }

    /**
     * The guidelines version in force when the item was shown or the answer committed; events from before guidelines
     * could change do not name one (it was version 1) and get no line.
     */
    private static void guidelines(List<Detail> out, JsonNode d) {
        if (d.hasNonNull("guidelinesVersion")) {
            out.add(new Detail("guidelines", "version " + d.get("guidelinesVersion").asText()));
        }
    }

    /**
     * The guidelines version the label's blind answer was written under, from its BLIND_COMMITTED event (1 when the
     * event names none); null before the commit.
     */
    static Integer guidelinesVersion(List<Entry> events) {
        return events.stream().filter(e -> e.type() == EventType.BLIND_COMMITTED).findFirst()
                .map(e -> e.data().path("guidelinesVersion").asInt(1)).orElse(null);
    }

    private static void optional(List<Detail> out, JsonNode d, String field, String name) {
        if (d.hasNonNull(field)) {
            out.add(new Detail(name, d.get(field).asText()));
        }
    }

    private static String text(Map.Entry<String, JsonNode> f) {
        return f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
