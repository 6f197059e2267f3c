package dev.blindfold.audit.mirrorgap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.audit.mirrorgap.MirrorGap.Estimate;
import dev.blindfold.audit.mirrorgap.MirrorGap.ItemScores;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MirrorGapTest {

    private static final double EPS = 1e-12;

    @Test
    void meansAreOverItemDraftPairsAndTheGapIsFinalMinusBlind() {
        // Item a: one draft (0.2 blind, 1.0 final); b: one draft (0.4, 0.4); c: two drafts summing 0.6 and 1.0.
        List<ItemScores> items = List.of(new ItemScores(1, 0.2, 1.0), new ItemScores(1, 0.4, 0.4),
                new ItemScores(2, 0.6, 1.0));
        Estimate e = MirrorGap.estimate(items, 200, new SplittableRandom(7));
        assertEquals(3, e.items());
        assertEquals(4, e.drafts());
        assertEquals(1.2 / 4, e.blindScore(), EPS);
        assertEquals(2.4 / 4, e.finalScore(), EPS);
        assertEquals(0.3, e.gap(), EPS);
        assertTrue(e.ciLow() - EPS <= e.gap() && e.gap() <= e.ciHigh() + EPS, e.toString());
        // Every resample's gap lies between the smallest and largest per-item gap per draft (0 and 0.8).
        assertTrue(e.ciLow() >= -EPS && e.ciHigh() <= 0.8 + EPS, e.toString());
        assertTrue(e.ciHigh() > e.ciLow(), "items disagree, so the interval has width: " + e);
    }

    @Test
    void theIntervalContainsThePointEstimateOnNoisyData() {
        SplittableRandom data = new SplittableRandom(42);
        List<ItemScores> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double blind = data.nextDouble();
            items.add(new ItemScores(1, blind, Math.min(1, blind + data.nextDouble() * 0.3)));
        }
        Estimate e = MirrorGap.estimate(items, 1000, new SplittableRandom(1));
        assertTrue(e.gap() > 0);
        assertTrue(e.ciLow() < e.gap() && e.gap() < e.ciHigh(), e.toString());
        assertTrue(e.ciLow() > 0, "every item's final is at least its blind score: " + e);
    }

    @Test
    void theIntervalHasNoWidthWhenEveryItemAgrees() {
        List<ItemScores> items = List.of(new ItemScores(1, 0.25, 0.75), new ItemScores(2, 0.5, 1.5),
                new ItemScores(1, 0.25, 0.75));
        Estimate e = MirrorGap.estimate(items, 1000, new SplittableRandom(3));
        assertEquals(0.5, e.gap(), EPS);
        assertEquals(0.5, e.ciLow(), EPS);
        assertEquals(0.5, e.ciHigh(), EPS);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        List<ItemScores> items = List.of(new ItemScores(1, 0.1, 0.9), new ItemScores(1, 0.5, 0.4),
                new ItemScores(1, 0.3, 0.3), new ItemScores(1, 0.0, 1.0));
        assertEquals(MirrorGap.estimate(items, 500, new SplittableRandom(11)),
                MirrorGap.estimate(items, 500, new SplittableRandom(11)));
    }

    @Test
    void noItemsGiveNoEstimate() {
        Estimate e = MirrorGap.estimate(List.of(), 1000, new SplittableRandom(1));
        assertEquals(0, e.items());
        assertTrue(Double.isNaN(e.gap()) && Double.isNaN(e.ciLow()));
    }

    @Test
    void freeTextDraftsScoreTheirBestTokenF1AgainstTheReferences() {
        // "reset the password" vs "reset your password now": 2 common of 3 and 4 tokens → F1 = 4/7.
        assertEquals(4.0 / 7, MirrorGap.score("reset the password", List.of("open settings", "reset your password now"), true), EPS);
        assertEquals(1.0, MirrorGap.score("Reset the password.", List.of("reset the password"), true), EPS);
        assertEquals(0.0, MirrorGap.score("anything", List.of(), true), EPS);
    }

    @Test
    void categoricalDraftsScoreExactMatchWithTheGoldLabel() {
        assertEquals(1.0, MirrorGap.score("billing", List.of("billing"), false), EPS);
        assertEquals(0.0, MirrorGap.score("Billing", List.of("billing"), false), EPS);
    }

    @Test
    void theNormalIntervalFromSumsMatchesTheBootstrapOnALargeFamily() {
        SplittableRandom data = new SplittableRandom(11);
        List<ItemScores> items = new ArrayList<>();
        long drafts = 0;
        double blind = 0;
        double fin = 0;
        double diffSquares = 0;
        double diffDrafts = 0;
        double draftSquares = 0;
        for (int i = 0; i < 5_000; i++) {
            int x = 1 + data.nextInt(3);
            double b = 0;
            double f = 0;
            for (int k = 0; k < x; k++) {
                double s = data.nextDouble();
                b += s;
                f += Math.min(1, s + data.nextDouble() * 0.2 - 0.05);
            }
            items.add(new ItemScores(x, b, f));
            drafts += x;
            blind += b;
            fin += f;
            diffSquares += (f - b) * (f - b);
            diffDrafts += (f - b) * x;
            draftSquares += (double) x * x;
        }
        Estimate boot = MirrorGap.estimate(items, 2_000, new SplittableRandom(3));
        Estimate normal = MirrorGap.fromSums(items.size(), drafts, blind, fin, diffSquares, diffDrafts, draftSquares);
        assertEquals(boot.items(), normal.items());
        assertEquals(boot.drafts(), normal.drafts());
        assertEquals(boot.blindScore(), normal.blindScore(), 1e-9);
        assertEquals(boot.finalScore(), normal.finalScore(), 1e-9);
        assertEquals(boot.gap(), normal.gap(), 1e-9);
        double width = boot.ciHigh() - boot.ciLow();
        assertTrue(width > 0.002, "the data has spread: " + boot);
        // Percentiles of 2,000 resamples wander by a few percent of the width; the delta method is exact to O(1/n).
        assertEquals(boot.ciLow(), normal.ciLow(), width * 0.06, boot + " vs " + normal);
        assertEquals(boot.ciHigh(), normal.ciHigh(), width * 0.06, boot + " vs " + normal);
    }

    @Test
    void theNormalIntervalIsAPointWhenEveryItemHasTheSameGapPerDraft() {
        // Items of 1 and 2 drafts, each 0.25 a draft better against final gold: no residual, no width.
        Estimate e = MirrorGap.fromSums(3, 5, 1.0, 2.25, 0.0625 + 0.25 + 0.25, 0.25 + 1 + 1, 1 + 4 + 4);
        assertEquals(0.25, e.gap(), EPS);
        assertEquals(0.25, e.ciLow(), 1e-7);
        assertEquals(0.25, e.ciHigh(), 1e-7);
    }
}
