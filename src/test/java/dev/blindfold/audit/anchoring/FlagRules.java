package dev.blindfold.audit.anchoring;

import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.facts.BlindNeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.blindfold.audit.anchoring.AnchoringFlag;

/**
 * Which {@link AnchoringFlag}s a label raises. paste_dominant and offscreen_composition are the classifier's own
 * flags (thresholds {@code blindfold.export.*}); fast_blind and focus_losses use {@code blindfold.audit.*}, fast_blind
 * also the item's reading time plus the project's minimum kept with the blind answer (whichever need is longer). Only
 * the blind step counts: the classifier stops counting pastes and focus losses at the commit. seen_before_commit is
 * raised by any label that shares content with drafts shown to its annotator before its commit (whatever its class:
 * a revised or accepted label can have been seen before too). Plain Java.
 */
final class FlagRules {

    private final long minBlindMs;
    private final int maxBlindFocusLosses;

    FlagRules(long minBlindMs, int maxBlindFocusLosses) {
        this.minBlindMs = minBlindMs;
        this.maxBlindFocusLosses = maxBlindFocusLosses;
    }

    List<AnchoringFlag> flags(LabelExposure label, BlindNeed need, String annotator, String externalId) {
        List<AnchoringFlag> flags = new ArrayList<>(1);
        if (label.pasteDominant()) {
            double share = Math.min(1.0, (double) label.pastedChars() / label.blindAnswer().length());
            flags.add(flag(AnchoringFlag.PASTE_DOMINANT, label, annotator, externalId, Math.round(share * 100) + "% pasted"));
        }
        long item = need.readingMs() == null ? 0 : need.readingMs() + need.decisionMs();
        long needed = Math.max(minBlindMs, item);
        if (label.blindMs() != null && label.blindMs() < needed) {
            String why = need.readingMs() != null && item >= minBlindMs
                    ? String.format(Locale.ROOT, "%.1f s to read the item + %.1f s project minimum",
                            need.readingMs() / 1000.0, need.decisionMs() / 1000.0)
                    : "the configured floor";
            flags.add(flag(AnchoringFlag.FAST_BLIND, label, annotator, externalId, String.format(Locale.ROOT,
                    "%.1f s blind, %.1f s needed (%s)", label.blindMs() / 1000.0, needed / 1000.0, why)));
        }
        if (label.focusLosses() >= maxBlindFocusLosses) {
            flags.add(flag(AnchoringFlag.FOCUS_LOSSES, label, annotator, externalId,
                    label.focusLosses() + (label.focusLosses() == 1 ? " focus loss" : " focus losses")));
        }
        if (label.offscreenComposition()) {
            flags.add(flag(AnchoringFlag.OFFSCREEN_COMPOSITION, label, annotator, externalId,
                    "focus away for most of the blind step"));
        }
        if (label.seenBefore() != null) {
            flags.add(flag(AnchoringFlag.SEEN_BEFORE_COMMIT, label, annotator, externalId, sameContent(label)));
        }
        return flags;
    }

    /** "2 drafts of this content shown before the commit (llama 1, mistral 1), first on assignment 17". */
    private static String sameContent(LabelExposure label) {
        int total = label.sameContent().values().stream().mapToInt(Integer::intValue).sum();
        List<String> families = new ArrayList<>();
        new java.util.TreeMap<>(label.sameContent()).forEach((family, n) -> families.add(family + " " + n));
        return total + (total == 1 ? " draft" : " drafts") + " of this content shown before the commit ("
                + String.join(", ", families) + "), first on assignment " + label.seenBefore().assignmentId();
    }

    private static AnchoringFlag flag(String kind, LabelExposure label, String annotator, String externalId, String detail) {
        return new AnchoringFlag(kind, label.assignmentId(), annotator, externalId, label.committedAt(), detail);
    }
}
