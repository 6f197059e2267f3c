package dev.blindfold.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.provenance.chain.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every exposure class, prior exposure across items, timings and flags, from events alone. */
class ExposureClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    /** Builds one annotator's log; each call advances the server clock by {@code ms}. */
    private static final class Log {
        final List<LoggedEvent> events = new ArrayList<>();
        Instant now = T0;

        Log at(long ms) {
            now = T0.plusMillis(ms);
            return this;
        }

        Log server(long aid, EventType type, Object payload) {
            events.add(new LoggedEvent(aid, type, now, null, JSON.valueToTree(payload)));
            return this;
        }

        Log shown(long aid) {
            return server(aid, EventType.ITEM_SHOWN, Map.of("position", 1, "resumed", false));
        }

        Log commit(long aid, String answer) {
            return server(aid, EventType.BLIND_COMMITTED, Map.of("answer", answer));
        }

        Log reveal(long aid, String familyA, String textA, String familyB, String textB) {
            return server(aid, EventType.DRAFTS_REVEALED, Map.of("repeat", false, "order", List.of(
                    draft("A", aid * 10 + 1, familyA, textA), draft("B", aid * 10 + 2, familyB, textB))));
        }

        /** A commit as the server writes it now: the item's input hash and its drafts' text hashes. */
        Log commitOn(long aid, String answer, String input, String... draftTexts) {
            List<String> hashes = java.util.Arrays.stream(draftTexts).map(ContentHash::of).sorted().toList();
            return server(aid, EventType.BLIND_COMMITTED, Map.of("answer", answer, "inputHash", ContentHash.of(input),
                    "draftHashes", hashes));
        }

        /** A first reveal as the server writes it now, with the item's input hash. */
        Log revealOn(long aid, String input, String familyA, String textA, String familyB, String textB) {
            return server(aid, EventType.DRAFTS_REVEALED, Map.of("repeat", false, "inputHash", ContentHash.of(input),
                    "order", List.of(draft("A", aid * 10 + 1, familyA, textA), draft("B", aid * 10 + 2, familyB, textB))));
        }

        Log fin(long aid, String decision, String answer) {
            return server(aid, EventType.FINAL_SAVED, Map.of("decision", decision, "answer", answer, "revealed", true));
        }

        /** A PAIRWISE final: PREFER with the slot, or TIE when {@code slot} is null; as FinalDecisions logs it. */
        Log prefer(long aid, String slot, String answer) {
            Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("decision", slot == null ? "TIE" : "PREFER");
            payload.put("answer", answer);
            payload.put("acceptedSlot", null);
            payload.put("preferredSlot", slot);
            payload.put("revealed", true);
            return server(aid, EventType.FINAL_SAVED, payload);
        }

        /** The labels; every scenario also checks that the class-only reading gives each label the same class. */
        List<LabelExposure> classify() {
            ExposureClassifier classifier = new ExposureClassifier(ExposureThresholds.DEFAULTS);
            List<LabelExposure> labels = classifier.classify(events);
            Map<Long, ExposureClass> classes = new java.util.HashMap<>();
            classifier.classes(events, (exposure, assignment) -> classes.put(assignment, exposure));
            assertEquals(labels.size(), classes.size());
            labels.forEach(l -> assertEquals(l.exposure(), classes.get(l.assignmentId()), "class only, assignment " + l.assignmentId()));
            return labels;
        }

        private static Map<String, Object> draft(String slot, long id, String family, String text) {
            return Map.of("slot", slot, "draftId", id, "model", family + "-model", "family", family,
                    "version", "v1", "text", text);
        }
    }

    private static final String DRAFT_X = "Open Settings, choose Export, pick PDF and confirm the download.";
    private static final String DRAFT_Y = "Email support and we will send you the files.";

    @Test
    void committedWithoutAnyRevealIsBlindOnly() {
        LabelExposure label = new Log().shown(1).at(4000).commit(1, "my answer").at(5000).fin(1, "KEEP", "my answer")
                .classify().get(0);
        assertEquals(ExposureClass.BLIND_ONLY, label.exposure());
        assertEquals(4000L, label.blindMs());
        assertTrue(label.drafts().isEmpty());
    }

    @Test
    void keptBlindAnswerAfterRevealIsBlindKept() {
        LabelExposure label = new Log().shown(1).at(1000).commit(1, "Use the export page.")
                .at(2000).reveal(1, "x", DRAFT_X, "y", DRAFT_Y).at(3000).fin(1, "KEEP", "Use the export page.")
                .classify().get(0);
        assertEquals(ExposureClass.BLIND_KEPT, label.exposure());
        assertEquals(2, label.drafts().size());
        assertEquals(1.0, label.blindFinalEdit());
    }

    /** Issue 11 item 7: a label revealed but not yet decided is no final label, so never blind_kept. */
    @Test
    void revealedButNotYetFinalIsAwaitingFinalWithNoFinalAnswer() {
        LabelExposure label = new Log().shown(1).commit(1, "mine").reveal(1, "x", DRAFT_X, "y", DRAFT_Y).classify().get(0);
        assertEquals(ExposureClass.AWAITING_FINAL, label.exposure());
        assertNull(label.decision());
        assertNull(label.finalAnswer(), "no final answer is invented from the blind answer");
        assertEquals("mine", label.blindAnswer());
        assertTrue(Double.isNaN(label.blindFinalEdit()), "nothing to compare the blind answer with");
        assertTrue(Double.isNaN(label.drafts().get(0).finalEdit()));
    }

    @Test
    void committedWithNeitherRevealNorFinalStaysBlindOnlyWithTheBlindAnswerAsItsAnswer() {
        LabelExposure label = new Log().shown(1).commit(1, "mine").classify().get(0);
        assertEquals(ExposureClass.BLIND_ONLY, label.exposure());
        assertEquals("mine", label.finalAnswer());
    }

    @Test
    void theFirstRulesStillTagAnUndecidedRevealedLabelBlindKeptForBundlesOfTheFirstFormat() {
        ExposureClassifier v1 = new ExposureClassifier(ExposureThresholds.DEFAULTS, ExposureRules.V1);
        Log log = new Log().shown(1).commit(1, "mine").reveal(1, "x", DRAFT_X, "y", DRAFT_Y)
                .at(5000).shown(2).commitOn(2, "again", "Where is my invoice?", DRAFT_X);
        List<ExposureClass> classes = new ArrayList<>();
        v1.classes(log.events, (c, aid) -> classes.add(c));
        assertEquals(List.of(ExposureClass.BLIND_KEPT, ExposureClass.BLIND_ONLY), classes,
                "no awaiting_final, no content identity");
    }

    private static final String INPUT = "A customer writes: I was charged twice for March. Write the support reply.";

    /** Issue 11 item 6: Ana revealed an item's drafts in one project, then labeled the same input in another. */
    @Test
    void theSameInputRevealedEarlierInAnyProjectMakesTheNextCommitSeenBeforeCommit() {
        List<LabelExposure> labels = new Log()
                .shown(1).commitOn(1, "Refund it.", INPUT, DRAFT_X, DRAFT_Y).at(1000)
                .revealOn(1, INPUT, "x", DRAFT_X, "y", DRAFT_Y).at(2000).fin(1, "KEEP", "Refund it.")
                .at(10_000).shown(2).commitOn(2, "Refund the duplicate.", "  A customer writes: I was charged twice  for March.\n"
                        + "Write the support reply.", "other draft text")
                .at(11_000).fin(2, "KEEP", "Refund the duplicate.")
                .at(20_000).shown(3).commitOn(3, "We refunded it.", INPUT, DRAFT_X, DRAFT_Y)
                .at(21_000).reveal(3, "x", DRAFT_X, "y", DRAFT_Y).at(22_000).fin(3, "KEEP", "We refunded it.")
                .classify();
        assertEquals(ExposureClass.BLIND_KEPT, labels.get(0).exposure());
        assertEquals(ExposureClass.SEEN_BEFORE_COMMIT, labels.get(1).exposure(), "same input, re-spaced, never revealed here");
        assertEquals(ExposureClass.SEEN_BEFORE_COMMIT, labels.get(2).exposure(), "kept after its own reveal, but seen before");
        assertEquals(Map.of("x", 1, "y", 1), labels.get(1).sameContent());
        assertEquals(new LabelExposure.EarlierReveal(1, T0.plusMillis(1000)), labels.get(1).seenBefore());
        assertEquals(Map.of(), labels.get(0).sameContent());
        assertNull(labels.get(0).seenBefore());
    }

    @Test
    void theSameDraftTextShownOnAnotherInputMakesACommitSeenAndEachDraftCountsOnce() {
        List<LabelExposure> labels = new Log()
                .shown(1).commit(1, "old commit").reveal(1, "x", DRAFT_X, "y", DRAFT_Y).fin(1, "KEEP", "old commit")
                .at(5000).shown(2).commitOn(2, "mine", "A different prompt", DRAFT_X, "an unseen draft")
                .at(6000).shown(3).commitOn(3, "mine", "Another prompt", "unseen one", "unseen two")
                .classify();
        assertEquals(ExposureClass.SEEN_BEFORE_COMMIT, labels.get(1).exposure(), "an old reveal's texts still count");
        assertEquals(Map.of("x", 1), labels.get(1).sameContent());
        assertEquals(ExposureClass.BLIND_ONLY, labels.get(2).exposure());
        assertEquals(Map.of("x", 1, "y", 1), labels.get(2).priorExposure(), "priming is still counted as before");
    }

    @Test
    void aDraftSharingBothInputAndTextIsCountedOnceAndRepeatsNotAtAll() {
        LabelExposure label = new Log()
                .shown(1).commitOn(1, "a", INPUT, DRAFT_X, DRAFT_Y).revealOn(1, INPUT, "x", DRAFT_X, "x", DRAFT_Y)
                .revealOn(1, INPUT, "x", DRAFT_X, "x", DRAFT_Y).fin(1, "KEEP", "a")
                .at(9000).shown(2).commitOn(2, "b", INPUT, DRAFT_X, DRAFT_Y).classify().get(1);
        assertEquals(Map.of("x", 2), label.sameContent());
    }

    @Test
    void aRevealOfTheSameContentAfterTheCommitOrOfAnItemWithoutDraftsDoesNotCount() {
        Log log = new Log()
                .shown(1).commitOn(1, "a", INPUT, DRAFT_X).at(1000).revealOn(1, INPUT, "x", DRAFT_X, "y", DRAFT_Y)
                .at(2000).shown(2).commitOn(2, "b", "empty item", "no drafts here");
        log.server(2, EventType.DRAFTS_REVEALED, Map.of("repeat", false, "inputHash", ContentHash.of("empty item"),
                "order", List.of()));
        log.at(3000).fin(2, "KEEP", "b").at(4000).shown(3).commitOn(3, "c", "empty item");
        List<LabelExposure> labels = log.classify();
        assertEquals(ExposureClass.AWAITING_FINAL, labels.get(0).exposure(), "its own reveal came after its commit");
        assertEquals(ExposureClass.BLIND_ONLY, labels.get(2).exposure(), "a reveal that showed no draft showed nothing");
    }

    @Test
    void aCommitWithoutHashesCannotBeJudgedByContent() {
        LabelExposure label = new Log()
                .shown(1).commitOn(1, "a", INPUT, DRAFT_X).at(1000).revealOn(1, INPUT, "x", DRAFT_X, "y", DRAFT_Y)
                .at(2000).fin(1, "KEEP", "a").at(3000).shown(2).commit(2, "written before the hashes existed")
                .classify().get(1);
        assertEquals(ExposureClass.BLIND_ONLY, label.exposure());
        assertEquals(Map.of(), label.sameContent());
    }

    @Test
    void seenContentDoesNotChangeRevisedOrAcceptedLabelsButStillCounts() {
        List<LabelExposure> labels = new Log()
                .shown(1).commitOn(1, "a", INPUT, DRAFT_X).revealOn(1, INPUT, "x", DRAFT_X, "y", DRAFT_Y).fin(1, "KEEP", "a")
                .at(5000).shown(2).commitOn(2, "b", INPUT, DRAFT_X).revealOn(2, INPUT, "x", DRAFT_X, "y", DRAFT_Y)
                .fin(2, "ACCEPT", DRAFT_X)
                .at(9000).shown(3).commitOn(3, "c", INPUT, DRAFT_X).revealOn(3, INPUT, "x", DRAFT_X, "y", DRAFT_Y)
                .fin(3, "REVISE", "something of my own")
                .classify();
        assertEquals(ExposureClass.DRAFT_ACCEPTED, labels.get(1).exposure());
        assertEquals(ExposureClass.REVISED_AFTER_REVEAL, labels.get(2).exposure());
        assertEquals(Map.of("x", 2, "y", 2), labels.get(2).sameContent());
    }

    @Test
    void revealedAfterCommitAndUndecidedButSeenBeforeIsSeenBeforeCommitNotAwaitingFinal() {
        LabelExposure label = new Log()
                .shown(1).commitOn(1, "a", INPUT, DRAFT_X).revealOn(1, INPUT, "x", DRAFT_X, "y", DRAFT_Y).fin(1, "KEEP", "a")
                .at(5000).shown(2).commitOn(2, "b", INPUT, DRAFT_X).at(6000).revealOn(2, INPUT, "x", DRAFT_X, "y", DRAFT_Y)
                .classify().get(1);
        assertEquals(ExposureClass.SEEN_BEFORE_COMMIT, label.exposure(), "its blind answer is not blind either");
        assertNull(label.finalAnswer());
    }

    /** The offline verifier hands the earlier reveals of other projects in first, whatever their time. */
    @Test
    void earlierRevealsReadApartGiveTheSameClassesAsTheWholeLog() {
        Log elsewhere = new Log().at(1000).revealOn(7, INPUT, "x", DRAFT_X, "y", DRAFT_Y)
                .at(50_000).revealOn(8, "a later prompt", "x", "later x", "y", "later y");
        Log here = new Log().at(10_000).shown(1).commitOn(1, "a", INPUT, "fresh").at(11_000).fin(1, "KEEP", "a")
                .at(40_000).shown(3).commitOn(3, "c", "a later prompt", "fresh").at(41_000).fin(3, "KEEP", "c")
                .at(60_000).shown(2).commitOn(2, "b", "a prompt", "later x").at(61_000).fin(2, "KEEP", "b");
        Map<Long, ExposureClass> classes = new java.util.TreeMap<>();
        new ExposureClassifier(ExposureThresholds.DEFAULTS).classes(elsewhere.events, here.events,
                (c, aid) -> classes.put(aid, c));
        assertEquals(Map.of(1L, ExposureClass.SEEN_BEFORE_COMMIT, 2L, ExposureClass.SEEN_BEFORE_COMMIT,
                3L, ExposureClass.BLIND_ONLY), classes, "only reveals strictly before each commit count");
    }

    @Test
    void aRevisionThatIsNoDraftIsRevisedAfterReveal() {
        LabelExposure label = new Log().shown(1).commit(1, "Use the export page.").reveal(1, "x", DRAFT_X, "y", DRAFT_Y)
                .fin(1, "REVISE", "Use the export page and pick PDF.").classify().get(0);
        assertEquals(ExposureClass.REVISED_AFTER_REVEAL, label.exposure());
        assertTrue(label.blindFinalEdit() < 1.0);
    }

    @Test
    void acceptingADraftOrRevisingToNearlyItIsDraftAccepted() {
        List<LabelExposure> labels = new Log()
                .shown(1).commit(1, "mine").reveal(1, "x", DRAFT_X, "y", DRAFT_Y).fin(1, "ACCEPT", DRAFT_X)
                .shown(2).commit(2, "mine too").reveal(2, "x", DRAFT_X, "y", DRAFT_Y)
                .fin(2, "REVISE", DRAFT_X.replace("confirm", "confirms"))
                .classify();
        assertEquals(ExposureClass.DRAFT_ACCEPTED, labels.get(0).exposure());
        assertEquals(ExposureClass.DRAFT_ACCEPTED, labels.get(1).exposure(), "near-identical revision (≥ 0.9)");
        assertEquals(1.0, labels.get(0).drafts().get(0).finalEdit());
    }

    @Test
    void aBlindAnswerThatAlreadyMatchedTheDraftStaysBlindKept() {
        LabelExposure label = new Log().shown(1).commit(1, "spam").reveal(1, "x", "spam", "y", "ham")
                .fin(1, "ACCEPT", "spam").classify().get(0);
        assertEquals(ExposureClass.BLIND_KEPT, label.exposure());
    }

    /**
     * RATE (DRAFT_RATING), PREFER and TIE (PAIRWISE) judge the drafts but keep the blind answer as the
     * final answer, so rule 2 classifies them exactly as it classifies KEEP: {@code blind_kept}, even when
     * the preferred draft is near-identical to the blind answer, since that answer was written blind.
     */
    @Test
    void ratingOrPreferringDraftsAfterTheCommitKeepsTheLabelBlindKeptLikeKeep() {
        List<LabelExposure> labels = new Log()
                .shown(1).commit(1, "Use the export page.").reveal(1, "x", DRAFT_X, "y", DRAFT_Y)
                .fin(1, "RATE", "Use the export page.")
                .shown(2).commit(2, "Use the export page.").reveal(2, "x", DRAFT_X, "y", DRAFT_Y)
                .prefer(2, "B", "Use the export page.")
                .shown(3).commit(3, "Use the export page.").reveal(3, "x", DRAFT_X, "y", DRAFT_Y)
                .prefer(3, null, "Use the export page.")
                .shown(4).commit(4, DRAFT_X).reveal(4, "x", DRAFT_X, "y", DRAFT_Y).prefer(4, "A", DRAFT_X)
                .shown(5).commit(5, DRAFT_X).reveal(5, "x", DRAFT_X, "y", DRAFT_Y).fin(5, "KEEP", DRAFT_X)
                .classify();
        assertEquals(List.of("RATE", "PREFER", "TIE", "PREFER", "KEEP"), labels.stream().map(LabelExposure::decision).toList());
        labels.forEach(l -> assertEquals(ExposureClass.BLIND_KEPT, l.exposure(), "decision " + l.decision()));
        assertEquals(1.0, labels.get(3).drafts().get(0).finalEdit(), "the preferred draft equals the blind answer");
    }

    @Test
    void aPreferenceAfterARevealLoggedBeforeTheCommitIsAnchoredLikeKeep() {
        List<LabelExposure> labels = new Log()
                .shown(1).reveal(1, "x", DRAFT_X, "y", DRAFT_Y).commit(1, "mine").prefer(1, "A", "mine")
                .shown(2).reveal(2, "x", DRAFT_X, "y", DRAFT_Y).commit(2, "mine").fin(2, "KEEP", "mine")
                .classify();
        assertEquals(ExposureClass.REVISED_AFTER_REVEAL, labels.get(0).exposure());
        assertEquals(labels.get(1).exposure(), labels.get(0).exposure());
    }

    @Test
    void aRevealLoggedBeforeTheCommitIsNeverBlind() {
        LabelExposure label = new Log().shown(1).reveal(1, "x", DRAFT_X, "y", DRAFT_Y).commit(1, "mine")
                .fin(1, "KEEP", "mine").classify().get(0);
        assertEquals(ExposureClass.REVISED_AFTER_REVEAL, label.exposure());
        assertEquals(1, label.priorExposureTo("x"), "the early reveal counts as prior exposure");
    }

    @Test
    void priorExposureCountsDistinctDraftsPerFamilyShownBeforeEachCommitAcrossItems() {
        List<LabelExposure> labels = new Log()
                .shown(1).commit(1, "a").reveal(1, "x", DRAFT_X, "y", DRAFT_Y)
                .reveal(1, "x", DRAFT_X, "y", DRAFT_Y)
                .shown(2).commit(2, "b").reveal(2, "x", DRAFT_X, "x", DRAFT_Y)
                .shown(3).commit(3, "c")
                .classify();
        assertEquals(Map.of(), labels.get(0).priorExposure());
        assertEquals(Map.of("x", 1, "y", 1), labels.get(1).priorExposure(), "a repeated reveal is not counted twice");
        assertEquals(Map.of("x", 3, "y", 1), labels.get(2).priorExposure());
        assertEquals(0, labels.get(0).priorExposureTo("x"));
    }

    @Test
    void pasteAndFocusClaimsBeforeTheCommitGiveCountsTimingsAndFlags() {
        Log log = new Log().shown(1);
        log.events.add(claim(1, EventType.FIRST_INPUT, 1500, 1600, Map.of("field", "answer")));
        log.events.add(claim(1, EventType.PASTE, 2000, 2100, Map.of("chars", 30)));
        log.events.add(claim(1, EventType.FOCUS_LOST, 3000, 3100, Map.of()));
        log.events.add(claim(1, EventType.FOCUS_RETURNED, 9000, 9100, Map.of()));
        log.at(10_000).commit(1, "x".repeat(40));
        log.events.add(claim(1, EventType.PASTE, 11_000, 11_100, Map.of("chars", 500)));
        LabelExposure label = log.classify().get(0);
        assertEquals(30, label.pastedChars(), "a paste after the commit is not part of the blind step");
        assertEquals(1, label.focusLosses());
        assertEquals(10_000L, label.blindMs());
        assertEquals(1600L, label.timeToFirstInputMs(), "client time corrected by the smallest server-client gap");
        assertTrue(label.pasteDominant(), "30 of 40 characters pasted");
        assertTrue(label.offscreenComposition(), "6 of 10 seconds away");
    }

    @Test
    void typedAnswerWithFocusKeptIsNotFlagged() {
        Log log = new Log().shown(1);
        log.events.add(claim(1, EventType.PASTE, 2000, 2100, Map.of("chars", 3)));
        log.at(10_000).commit(1, "a typed answer of some length");
        LabelExposure label = log.classify().get(0);
        assertFalse(label.pasteDominant());
        assertFalse(label.offscreenComposition());
    }

    @Test
    void assignmentsWithoutACommitAreNotLabels() {
        assertTrue(new Log().shown(1).server(1, EventType.SKIPPED, Map.of("reason", "x")).classify().isEmpty());
    }

    private static LoggedEvent claim(long aid, EventType type, long clientMs, long serverMs, Object payload) {
        return new LoggedEvent(aid, type, T0.plusMillis(serverMs), T0.plusMillis(clientMs), JSON.valueToTree(payload));
    }

    @Test
    void aRevealAfterTheFinalLeavesThatLabelBlindButCountsForLaterOnes() {
        for (long laterMs : List.of(1_000L, 3_600_000L)) {
            List<LabelExposure> labels = new Log().at(0).shown(1).commit(1, "mine").fin(1, "KEEP", "mine")
                    .at(laterMs).reveal(1, "x", DRAFT_X, "y", "other").reveal(1, "x", DRAFT_X, "y", "other")
                    .at(laterMs + 1_000).shown(2).commit(2, "second").classify();
            assertEquals(ExposureClass.BLIND_ONLY, labels.get(0).exposure(), "reveal " + laterMs + " ms after the final");
            assertEquals(Map.of("x", 1, "y", 1), labels.get(1).priorExposure(), "counted once despite the repeat");
        }
    }
}
