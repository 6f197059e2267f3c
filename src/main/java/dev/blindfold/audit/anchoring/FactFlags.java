package dev.blindfold.audit.anchoring;

import dev.blindfold.facts.FactReads;
import dev.blindfold.facts.LabelFact;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The {@link AnchoringFlag}s a flagged label's facts raise, in the order paste_dominant, fast_blind, focus_losses,
 * offscreen_composition, seen_before_commit, each with the figure that says so. Plain Java.
 */
final class FactFlags {

    private FactFlags() {
    }

    static void of(FactReads.Flagged flagged, String annotator, Consumer<AnchoringFlag> sink) {
        LabelFact f = flagged.fact();
        if (f.has(LabelFact.FLAG_PASTE_DOMINANT)) {
            double share = Math.min(1.0, (double) f.pastedChars() / f.blindChars());
            sink.accept(flag(AnchoringFlag.PASTE_DOMINANT, flagged, annotator, Math.round(share * 100) + "% pasted"));
        }
        if (f.has(LabelFact.FLAG_FAST_BLIND)) {
            sink.accept(flag(AnchoringFlag.FAST_BLIND, flagged, annotator, fastBlind(f)));
        }
        if (f.has(LabelFact.FLAG_FOCUS_LOSSES)) {
            sink.accept(flag(AnchoringFlag.FOCUS_LOSSES, flagged, annotator,
                    f.focusLosses() + (f.focusLosses() == 1 ? " focus loss" : " focus losses")));
        }
        if (f.has(LabelFact.FLAG_OFFSCREEN_COMPOSITION)) {
            sink.accept(flag(AnchoringFlag.OFFSCREEN_COMPOSITION, flagged, annotator, "focus away for most of the blind step"));
        }
        if (f.has(LabelFact.FLAG_SEEN_BEFORE_COMMIT)) {
            sink.accept(flag(AnchoringFlag.SEEN_BEFORE_COMMIT, flagged, annotator, f.seenDetail()));
        }
    }

    /**
     * "1.2 s blind, 6.0 s needed (4.0 s to read the item + 2.0 s project minimum)"; "1.2 s blind, 3.0 s needed (the
     * configured floor)" when the floor is the longer, and for labels committed before the per-item rule.
     */
    static String fastBlind(LabelFact f) {
        String head = String.format(Locale.ROOT, "%.1f s blind", f.blindMs() / 1000.0);
        if (f.needMs() == null) {
            return head;
        }
        long reading = f.readingMs() == null ? 0 : f.readingMs();
        long deciding = f.decisionMs() == null ? 0 : f.decisionMs();
        String why = f.readingMs() != null && reading + deciding >= f.needMs()
                ? String.format(Locale.ROOT, "%.1f s to read the item + %.1f s project minimum", reading / 1000.0,
                        deciding / 1000.0)
                : "the configured floor";
        return head + String.format(Locale.ROOT, ", %.1f s needed (%s)", f.needMs() / 1000.0, why);
    }

    private static AnchoringFlag flag(String kind, FactReads.Flagged flagged, String annotator, String detail) {
        LabelFact f = flagged.fact();
        return new AnchoringFlag(kind, f.assignmentId(), annotator, flagged.externalId(), f.committedAt(), detail);
    }
}
