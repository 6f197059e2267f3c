package dev.blindfold.audit.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.audit.timeline.Timeline.Detail;
import dev.blindfold.audit.timeline.Timeline.Entry;
import dev.blindfold.audit.timeline.Timeline.EventRow;
import dev.blindfold.audit.timeline.Timeline.Milestone;
import dev.blindfold.provenance.chain.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final List<Entry> events = new ArrayList<>();

    private void server(EventType type, long ms, String data) throws Exception {
        events.add(new Entry(events.size() + 1, type, T0.plusMillis(ms), null, false, JSON.readTree(data)));
    }

    /** A client claim: the page's clock runs {@code clientAheadMs} ahead; the batch arrives at {@code serverMs}. */
    private void client(EventType type, long clientMs, long serverMs, String data) throws Exception {
        events.add(new Entry(events.size() + 1, type, T0.plusMillis(serverMs), T0.plusMillis(clientMs), true,
                JSON.readTree(data)));
    }

    private void fullLabel() throws Exception {
        server(EventType.ITEM_SHOWN, 0, "{\"position\":1,\"resumed\":false}");
        // The page's clock is 2 s ahead; the batch with the first input and the paste arrives with the commit.
        client(EventType.FIRST_INPUT, 2_000 + 4_200, 30_000, "{}");
        client(EventType.PASTE, 2_000 + 10_000, 30_000, "{\"chars\":42}");
        client(EventType.FOCUS_LOST, 2_000 + 29_500, 29_500, "{}");
        server(EventType.BLIND_COMMITTED, 30_050, "{\"answer\":\"mine\"}");
        server(EventType.DRAFTS_REVEALED, 31_000, "{\"order\":[{\"slot\":\"A\",\"draftId\":7,\"model\":\"m1\","
                + "\"family\":\"llama\",\"version\":\"v1\",\"text\":\"draft one\"}],\"repeat\":false}");
        client(EventType.PASTE, 2_000 + 40_000, 40_100, "{\"chars\":9}");
        server(EventType.FINAL_SAVED, 221_000, "{\"decision\":\"ACCEPT\",\"answer\":\"draft one\",\"acceptedSlot\":\"A\","
                + "\"preferredSlot\":null,\"revealed\":true}");
    }

    @Test
    void milestonesComeInTheirOrderWithTheTimeSinceTheOneBefore() throws Exception {
        fullLabel();
        List<Milestone> m = TimelineEvents.milestones(events);
        assertEquals(List.of("shown", "first_input", "paste", "committed", "revealed", "final"),
                m.stream().map(Milestone::name).toList());
        assertNull(m.get(0).sincePreviousMs());
        // Client times move onto the server clock by the smallest server − client difference (−2 s here).
        assertEquals(T0.plusMillis(4_200), m.get(1).at());
        assertTrue(m.get(1).clientClaimed());
        assertEquals(4_200L, m.get(1).sincePreviousMs());
        assertEquals(5_800L, m.get(2).sincePreviousMs(), "the first paste of the blind step, not the later one");
        assertEquals(20_050L, m.get(3).sincePreviousMs());
        assertFalse(m.get(3).clientClaimed());
        assertEquals(950L, m.get(4).sincePreviousMs());
        assertEquals(190_000L, m.get(5).sincePreviousMs());
        assertEquals("+3 min 10 s", TimelineFormats.gap(m.get(5).sincePreviousMs()));
    }

    @Test
    void aPasteAfterTheCommitIsNoMilestoneAndMissingStepsAreLeftOut() throws Exception {
        server(EventType.ITEM_SHOWN, 0, "{\"position\":1,\"resumed\":false}");
        server(EventType.BLIND_COMMITTED, 5_000, "{\"answer\":\"mine\"}");
        client(EventType.PASTE, 6_000, 6_010, "{\"chars\":3}");
        List<Milestone> m = TimelineEvents.milestones(events);
        assertEquals(List.of("shown", "committed"), m.stream().map(Milestone::name).toList());
        assertEquals(5_000L, m.get(1).sincePreviousMs());
    }

    @Test
    void eachEventShowsTheServerTimeSinceThePreviousOneAndItsPayloadInWords() throws Exception {
        fullLabel();
        List<EventRow> rows = TimelineEvents.rows(events);
        assertEquals(8, rows.size());
        assertNull(rows.get(0).sincePreviousMs());
        assertEquals(30_000L, rows.get(1).sincePreviousMs());
        assertEquals(0L, rows.get(2).sincePreviousMs());
        assertEquals(-500L, rows.get(3).sincePreviousMs(), "chain order, not time order: a late batch");
        assertEquals("Item shown", rows.get(0).label());
        assertEquals(List.of(new Detail("position", "1")), rows.get(0).details());
        assertEquals(List.of(new Detail("chars", "42")), rows.get(2).details());
        assertEquals(List.of(new Detail("answer", "mine")), rows.get(4).details());
        EventRow reveal = rows.get(5);
        assertEquals("Drafts revealed", reveal.label());
        assertEquals(List.of(new Timeline.ShownDraft("A", "m1", "llama", "v1", "draft one")), reveal.drafts());
        assertEquals(List.of(new Detail("decision", "ACCEPT"), new Detail("answer", "draft one"),
                new Detail("accepted slot", "A")), rows.get(7).details());
    }

    @Test
    void theGuidelinesVersionIsShownWhereTheEventNamesOneAndTheCommitsIsTheLabels() throws Exception {
        server(EventType.ITEM_SHOWN, 0, "{\"position\":1,\"resumed\":false,\"guidelinesVersion\":1}");
        assertNull(TimelineEvents.guidelinesVersion(events), "nothing committed yet");
        server(EventType.BLIND_COMMITTED, 5_000, "{\"answer\":\"mine\",\"guidelinesVersion\":2}");
        List<EventRow> rows = TimelineEvents.rows(events);
        assertEquals(List.of(new Detail("position", "1"), new Detail("guidelines", "version 1")), rows.get(0).details());
        assertEquals(List.of(new Detail("answer", "mine"), new Detail("guidelines", "version 2")), rows.get(1).details());
        assertEquals(2, TimelineEvents.guidelinesVersion(events));
        events.clear();
        server(EventType.BLIND_COMMITTED, 0, "{\"answer\":\"from before versions\"}");
        assertEquals(1, TimelineEvents.guidelinesVersion(events), "a commit logged before guidelines could change");
    }

    @Test
    void everyEventTypeHasWords() {
        for (EventType type : EventType.values()) {
            assertFalse(TimelineEvents.label(type).contains("_"), type.name());
        }
    }

    @Test
    void aShowingNamesTheLabelsInTheOrderShownAndTheCommitTheTimeItWasHeldTo() throws Exception {
        server(EventType.ITEM_SHOWN, 0, "{\"position\":3,\"resumed\":false,\"labelOrder\":[\"bug\",\"billing\",\"account\"]}");
        server(EventType.BLIND_COMMITTED, 900, "{\"answer\":\"bug\",\"readingMs\":4000,\"decisionMs\":1012}");
        assertEquals(List.of(new Detail("position", "3"), new Detail("labels shown", "bug · billing · account")),
                TimelineEvents.details(events.get(0)));
        assertEquals(List.of(new Detail("answer", "bug"),
                new Detail("attention check", "4.0 s to read the item + 1.0 s project minimum")),
                TimelineEvents.details(events.get(1)));
    }
}
