package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.LabelExposure.ShownDraft;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the views need of one label, derived from its {@link LabelExposure}: a row of {@code label_facts}.
 *
 * @param week             the Monday (UTC) of the commit's week
 * @param revealed         drafts were shown on the label's own assignment before its final answer: blind_kept,
 *                         awaiting_final, revised_after_reveal, draft_accepted, and a seen_before_commit label also
 *                         revealed there
 * @param hasFinal         a final decision is saved (revealed or not)
 * @param closestFinalE9   for a revealed label with a final decision and a shown draft: the edit similarity of the final
 *                         answer to its closest draft (the first of equals), times 10^9; null otherwise
 * @param closestBlindE9   the blind answer's edit similarity to that same draft, times 10^9
 * @param pastedChars      characters pasted in the blind step, at most the blind answer's length
 * @param flags            the {@code FLAG_*} bits the label raises
 * @param seenDetail       for seen_before_commit: which drafts of its content had been shown, and where first
 * @param blindKey         {@link AnswerKey} of the blind answer
 * @param finalKey         {@link AnswerKey} of the final answer when a final decision is saved, else null
 * @param finalIsDraft     the saved final answer is exactly the text of one of its item's drafts
 * @param needMs           the shortest blind step that is not {@code fast_blind}: the configured floor, or the item's
 *                         reading time plus the project's minimum ({@link BlindNeed}) when that is longer
 * @param readingMs        of it, the time to read the item's input (null: committed before the rule existed)
 * @param decisionMs       and the project's minimum for deciding, as at the commit (null likewise)
 */
public record LabelFact(long assignmentId, long projectId, long annotatorId, long itemId, LocalDate week,
                        Instant committedAt, ExposureClass exposure, boolean revealed, boolean hasFinal,
                        Long closestFinalE9, Long closestBlindE9, int blindChars, int pastedChars,
                        boolean pasteDominant, int focusLosses, Long blindMs, int flags, String seenDetail,
                        long blindKey, Long finalKey, boolean finalIsDraft, Long needMs, Long readingMs,
                        Long decisionMs) {

    public static final int FLAG_PASTE_DOMINANT = 1;
    public static final int FLAG_FAST_BLIND = 2;
    public static final int FLAG_FOCUS_LOSSES = 4;
    public static final int FLAG_OFFSCREEN_COMPOSITION = 8;
    public static final int FLAG_SEEN_BEFORE_COMMIT = 16;

    private static final double E9 = 1e9;

    public static LabelFact of(LabelExposure label, long projectId, long annotatorId, long itemId, boolean finalIsDraft,
                               BlindNeed need, FlagLimits limits) {
        boolean revealed = isRevealed(label);
        boolean hasFinal = label.decision() != null;
        ShownDraft closest = revealed && hasFinal ? closestToFinal(label) : null;
        int length = label.blindAnswer().length();
        long needMs = need.needMs(limits.minBlindMs());
        int flags = (label.pasteDominant() ? FLAG_PASTE_DOMINANT : 0)
                | (label.blindMs() != null && label.blindMs() < needMs ? FLAG_FAST_BLIND : 0)
                | (label.focusLosses() >= limits.maxBlindFocusLosses() ? FLAG_FOCUS_LOSSES : 0)
                | (label.offscreenComposition() ? FLAG_OFFSCREEN_COMPOSITION : 0)
                | (label.seenBefore() != null ? FLAG_SEEN_BEFORE_COMMIT : 0);
        return new LabelFact(label.assignmentId(), projectId, annotatorId, itemId, monday(label.committedAt()),
                label.committedAt(), label.exposure(), revealed, hasFinal,
                closest == null ? null : e9(closest.finalEdit()), closest == null ? null : e9(closest.blindEdit()),
                length, Math.min(label.pastedChars(), length), label.pasteDominant(), label.focusLosses(),
                label.blindMs(), flags, label.seenBefore() == null ? null : seenDetail(label),
                AnswerKey.of(label.blindAnswer()), hasFinal ? AnswerKey.of(label.finalAnswer()) : null,
                hasFinal && finalIsDraft, needMs, need.readingMs() == null ? null : need.readingMs().longValue(),
                need.decisionMs() == null ? null : need.decisionMs().longValue());
    }

    public boolean revealedFinal() {
        return revealed && hasFinal;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public static LocalDate monday(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static long e9(double similarity) {
        return Math.round(similarity * E9);
    }

    public static double fromE9(long value) {
        return value / E9;
    }

    private static boolean isRevealed(LabelExposure label) {
        return switch (label.exposure()) {
            case BLIND_KEPT, AWAITING_FINAL, REVISED_AFTER_REVEAL, DRAFT_ACCEPTED -> true;
            case SEEN_BEFORE_COMMIT -> !label.drafts().isEmpty();
            case BLIND_ONLY, UNKNOWN -> false;
        };
    }

    /** The shown draft the final answer is most similar to (the first of equals); null when none was shown. */
    private static ShownDraft closestToFinal(LabelExposure label) {
        ShownDraft closest = null;
        for (ShownDraft d : label.drafts()) {
            if (closest == null || d.finalEdit() > closest.finalEdit()) {
                closest = d;
            }
        }
        return closest;
    }

    /** "2 drafts of this content shown before the commit (llama 1, mistral 1), first on assignment 17". */
    private static String seenDetail(LabelExposure label) {
        int total = label.sameContent().values().stream().mapToInt(Integer::intValue).sum();
        List<String> families = new ArrayList<>();
        new TreeMap<>(label.sameContent()).forEach((family, n) -> families.add(family + " " + n));
        String detail = total + (total == 1 ? " draft" : " drafts") + " of this content shown before the commit ("
                + String.join(", ", families) + "), first on assignment " + label.seenBefore().assignmentId();
        return detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
