package dev.blindfold.audit.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.LabelExposure.ShownDraft;
import dev.blindfold.facts.LabelReader.ProjectLabel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.blindfold.audit.AuditCsv;

/**
 * Hand-computed figures for two annotators. ana: L1 blind only (kept without reveal), L2 revised after reveal with
 * 3 focus losses, L3 accepted a draft after a 1.2 s blind step, L4 kept after reveal but 18 of 20 characters pasted,
 * two weeks later. ben: B1 committed and never finished, B2 kept without reveal (composed off-screen), B3 revealed and kept.
 */
class AnchoringStatisticsTest {

    private static final double EPS = 1e-9;
    private static final long ANA = 1;
    private static final long BEN = 2;

    static ShownDraft draft(String slot, double blindEdit, double finalEdit) {
        return new ShownDraft(slot, slot.charAt(0), "m", "f", "v", "draft " + slot, null, blindEdit, 0, finalEdit, 0);
    }

    static ProjectLabel label(long annotator, long aid, long item, ExposureClass exposure, String blind, String fin,
                              String decision, String at, Long blindMs, int pasted, int focusLosses, boolean offscreen,
                              List<ShownDraft> drafts) {
        boolean pasteDominant = (double) pasted / blind.length() > 0.5;
        LabelExposure l = new LabelExposure(aid, exposure, blind, fin, decision, null, Instant.parse(at), Map.of(), blindMs,
                null, pasted, focusLosses, pasteDominant, offscreen, 0, 0, drafts,
                Map.of(), null);
        return new ProjectLabel(l, annotator, item, "item-" + item, "input " + item, 1, false, null, null);
    }

    static final List<ProjectLabel> LABELS = List.of(
            label(ANA, 14, 104, ExposureClass.BLIND_KEPT, "twenty characters ok", "twenty characters ok", "KEEP",
                    "2026-01-20T09:00:00Z", 4000L, 18, 1, false, List.of(draft("A", 0.3, 0.3))),
            label(ANA, 11, 101, ExposureClass.BLIND_ONLY, "yes", "yes", "KEEP", "2026-01-05T10:00:00Z", 8000L, 0, 0, false, List.of()),
            label(ANA, 12, 102, ExposureClass.REVISED_AFTER_REVEAL, "no", "yes", "REVISE", "2026-01-06T10:00:00Z", 5000L, 0, 3,
                    false, List.of(draft("A", 0.2, 0.6), draft("B", 0.5, 0.4))),
            label(ANA, 13, 103, ExposureClass.DRAFT_ACCEPTED, "no", "maybe", "ACCEPT", "2026-01-07T10:00:00Z", 1200L, 0, 0,
                    false, List.of(draft("A", 0.1, 1.0), draft("B", 0.3, 0.2))),
            label(BEN, 21, 101, ExposureClass.BLIND_ONLY, "yes", "yes", null, "2026-01-05T11:00:00Z", null, 0, 0, false, List.of()),
            label(BEN, 22, 102, ExposureClass.BLIND_ONLY, "yes", "yes", "KEEP", "2026-01-06T11:00:00Z", 10000L, 0, 0, true, List.of()),
            label(BEN, 23, 103, ExposureClass.BLIND_KEPT, "no", "no", "KEEP", "2026-01-07T11:00:00Z", 6000L, 0, 0, false,
                    List.of(draft("A", 0.5, 0.5))));

    static AnchoringTables report() {
        AnchoringStatistics statistics = new AnchoringStatistics(id -> id == ANA ? "ana" : "ben", 3000, 3);
        LABELS.forEach(statistics::add);
        return statistics.report();
    }

    @Test
    void annotatorRowsCountRevealsSharesShiftPasteMedianAndFocus() {
        List<AnnotatorAnchoring> rows = report().annotators();
        assertEquals(List.of("ana", "ben"), rows.stream().map(AnnotatorAnchoring::username).toList());
        AnnotatorAnchoring ana = rows.get(0);
        assertEquals(4, ana.labels());
        assertEquals(3, ana.revealed(), "L2, L3, L4 had drafts shown");
        assertEquals(4, ana.finals());
        assertEquals(3, ana.revealedFinals());
        assertEquals(1 / 3.0, ana.revisedShare(), EPS);
        assertEquals(1 / 3.0, ana.acceptedShare(), EPS);
        assertEquals((0.4 + 0.9 + 0.0) / 3, ana.meanShiftTowardDraft(), EPS, "closest draft by final: A, A, A");
        assertEquals(18 / 27.0, ana.pasteShare(), EPS, "18 pasted of 3+2+2+20 blind characters");
        assertEquals(1, ana.pasteDominantLabels());
        assertEquals(4500.0, ana.medianBlindMs(), EPS, "median of 1200, 4000, 5000, 8000");
        assertEquals(4, ana.focusLosses());
        assertEquals(1.0, ana.focusLossesPerLabel(), EPS);
    }

    @Test
    void figuresWithoutABaseAreNullNotNaN() {
        AnnotatorAnchoring ben = report().annotators().get(1);
        assertEquals(3, ben.labels());
        assertEquals(1, ben.revealed());
        assertEquals(2, ben.finals(), "B1 has no final decision");
        assertEquals(0.0, ben.revisedShare(), EPS);
        assertEquals(0.0, ben.meanShiftTowardDraft(), EPS);
        assertEquals(0.0, ben.pasteShare(), EPS);
        assertEquals(8000.0, ben.medianBlindMs(), EPS, "B1 was never shown, so has no blind time");

        AnchoringStatistics onlyBlind = new AnchoringStatistics(id -> "cy", 3000, 3);
        onlyBlind.add(LABELS.get(4));
        AnnotatorAnchoring cy = onlyBlind.report().annotators().get(0);
        assertNull(cy.revisedShare());
        assertNull(cy.acceptedShare());
        assertNull(cy.meanShiftTowardDraft());
        assertNull(cy.medianBlindMs());
        assertEquals(0.0, cy.focusLossesPerLabel(), EPS);
    }

    @Test
    void driftHasOneRowPerIsoWeekWithAlphasSharesAndEmptyWeeksBetween() {
        List<DriftWeek> drift = report().drift();
        assertEquals(List.of("2026-W02", "2026-W03", "2026-W04"), drift.stream().map(DriftWeek::isoWeek).toList());
        DriftWeek first = drift.get(0);
        assertEquals(LocalDate.parse("2026-01-05"), first.week());
        assertEquals(6, first.labels());
        // blind units: 101 {yes, yes}, 102 {no, yes}, 103 {no, no}: n=6, o_cc=4, Σ n_c(n_c−1)=12 → (5·4−12)/(30−12)
        assertEquals(8 / 18.0, first.blindAlpha(), EPS);
        // final units: 101 {yes} (unpairable), 102 {yes, yes}, 103 {maybe, no}: (3·2−2)/(12−2)
        assertEquals(0.4, first.finalAlpha(), EPS);
        assertEquals(3, first.revealedFinals());
        assertEquals(1 / 3.0, first.acceptedShare(), EPS);
        assertEquals((0.6 + 1.0 + 0.5) / 3, first.meanFinalDraftSimilarity(), EPS);

        DriftWeek gap = drift.get(1);
        assertEquals(0, gap.labels());
        assertNull(gap.blindAlpha());
        assertNull(gap.acceptedShare());
        assertNull(gap.meanFinalDraftSimilarity());

        DriftWeek last = drift.get(2);
        assertEquals(1, last.labels());
        assertNull(last.blindAlpha(), "a single label is not pairable");
        assertEquals(0.0, last.acceptedShare(), EPS);
        assertEquals(0.3, last.meanFinalDraftSimilarity(), EPS);
    }

    @Test
    void flagsSayTheFigureAndAreSortedByAnnotatorThenTime() {
        List<AnchoringFlag> flags = report().flags();
        assertEquals(List.of("ana:12:focus_losses:3 focus losses", "ana:13:fast_blind:1.2 s blind",
                        "ana:14:paste_dominant:90% pasted", "ben:22:offscreen_composition:focus away for most of the blind step"),
                flags.stream().map(f -> f.annotator() + ":" + f.assignmentId() + ":" + f.kind() + ":" + f.detail()).toList());
        assertEquals("item-104", flags.get(2).externalId());
        assertEquals(Instant.parse("2026-01-20T09:00:00Z"), flags.get(2).committedAt());
    }

    @Test
    void labelsAreCountedPerExposureClassWithEveryClassPresent() {
        assertEquals(java.util.Arrays.stream(ExposureClass.values()).map(ExposureClass::wireName).toList(),
                List.copyOf(report().exposure().keySet()), "every class, in the classes' order");
        assertEquals(Map.of("blind_only", 3L, "blind_kept", 2L, "awaiting_final", 0L, "seen_before_commit", 0L,
                "revised_after_reveal", 1L, "draft_accepted", 1L, "unknown", 0L), report().exposure());
    }

    @Test
    void noLabelsGiveEmptyTables() {
        AnchoringTables empty = new AnchoringStatistics(id -> "x", 3000, 3).report();
        assertTrue(empty.annotators().isEmpty());
        assertTrue(empty.drift().isEmpty());
        assertTrue(empty.flags().isEmpty());
        assertTrue(empty.exposure().values().stream().allMatch(n -> n == 0));
    }

    @Test
    void csvHasAHeaderEmptyCellsForNullsAndNeutralisedFormulas() {
        AnnotatorAnchoring row = new AnnotatorAnchoring("=HYPERLINK(\"x\")", 1, 0, 0, 0, null, null, null, 0.5, 0, null, 2, 2.0);
        String csv = AuditCsv.write(AnnotatorAnchoring.COLUMNS, List.of(row), AnnotatorAnchoring::cells);
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", AnnotatorAnchoring.COLUMNS), lines[0]);
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",1,0,0,0,,,,0.5,0,,2,2.0", lines[1]);
    }

    /**
     * Issue 11: an awaiting_final label had its drafts shown but has no final; a seen_before_commit label is flagged
     * with its same-content counts, counts as revealed only when its own assignment showed drafts, and is not blind.
     */
    @Test
    void awaitingFinalIsRevealedWithoutAFinalAndSeenBeforeCommitIsFlaggedAndNotBlind() {
        LabelExposure awaiting = new LabelExposure(31, ExposureClass.AWAITING_FINAL, "blind", null, null, null,
                Instant.parse("2026-02-02T10:00:00Z"), Map.of(), 5000L, null, 0, 0, false, false, Double.NaN, Double.NaN,
                List.of(draft("A", 0.2, Double.NaN)), Map.of(), null);
        LabelExposure seenKept = new LabelExposure(32, ExposureClass.SEEN_BEFORE_COMMIT, "mine", "mine", "KEEP", null,
                Instant.parse("2026-02-02T11:00:00Z"), Map.of("llama", 3, "mistral", 1), 5000L, null, 0, 0, false, false,
                1.0, 1.0, List.of(draft("A", 0.4, 0.4)), Map.of("llama", 1, "mistral", 1),
                new LabelExposure.EarlierReveal(7, Instant.parse("2026-02-01T09:00:00Z")));
        LabelExposure seenUnrevealed = new LabelExposure(33, ExposureClass.SEEN_BEFORE_COMMIT, "again", "again", "KEEP",
                null, Instant.parse("2026-02-02T12:00:00Z"), Map.of("llama", 3), 5000L, null, 0, 0, false, false, 1.0, 1.0,
                List.of(), Map.of("llama", 2), new LabelExposure.EarlierReveal(8, Instant.parse("2026-02-01T10:00:00Z")));
        AnchoringStatistics statistics = new AnchoringStatistics(id -> "cy", 3000, 3);
        for (LabelExposure l : List.of(awaiting, seenKept, seenUnrevealed)) {
            statistics.add(new ProjectLabel(l, 3, l.assignmentId(), "item-" + l.assignmentId(), "input", 1, false, null, null));
        }
        AnchoringTables report = statistics.report();
        AnnotatorAnchoring cy = report.annotators().get(0);
        assertEquals(2, cy.revealed(), "the awaiting label and the seen label revealed on its own assignment");
        assertEquals(2, cy.finals());
        assertEquals(1, cy.revealedFinals(), "the awaiting label has no final");
        assertEquals(0.0, cy.revisedShare(), EPS);
        assertEquals(Map.of("awaiting_final", 1L, "seen_before_commit", 2L), Map.of("awaiting_final",
                report.exposure().get("awaiting_final"), "seen_before_commit", report.exposure().get("seen_before_commit")));
        assertEquals(List.of("32:2 drafts of this content shown before the commit (llama 1, mistral 1), first on assignment 7",
                        "33:2 drafts of this content shown before the commit (llama 2), first on assignment 8"),
                report.flags().stream().filter(f -> f.kind().equals(AnchoringFlag.SEEN_BEFORE_COMMIT))
                        .map(f -> f.assignmentId() + ":" + f.detail()).toList());
        assertTrue(statistics.notBlind().contains(32) && statistics.notBlind().contains(33));
        assertEquals(2, statistics.notBlind().size());
    }
}
