package dev.blindfold.exposure;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a label may be anchored on a model draft (see docs/product.md, "exposure class"). */
public enum ExposureClass {
    /** Committed blind; no draft was ever revealed for this assignment. */
    BLIND_ONLY,
    /** Drafts revealed after the commit; the final answer is the blind answer. */
    BLIND_KEPT,
    /**
     * Drafts revealed after the commit, no final decision yet: the blind answer is a blind answer, and there is no
     * final answer.
     */
    AWAITING_FINAL,
    /**
     * Before committing, the annotator had been shown a draft of this same input, or the same draft text (on any
     * assignment, in any project): the answer was not written blind. Takes the place of blind_only, blind_kept and
     * awaiting_final.
     */
    SEEN_BEFORE_COMMIT,
    /** The final answer differs from the blind answer: written under anchoring. */
    REVISED_AFTER_REVEAL,
    /** The final answer is a draft, or near-identical to one. */
    DRAFT_ACCEPTED,
    /** Imported from elsewhere with no provenance. */
    UNKNOWN;

    /** The wire names of every class, comma-separated, for messages. */
    public static String wireNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(ExposureClass::wireName).toList());
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ExposureClass fromWire(String value) {
        for (ExposureClass c : values()) {
            if (c.wireName().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
