package dev.blindfold.exposure;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a label may be anchored on a model draft (see product.md, "exposure class"). */
public enum ExposureClass {
    /** Committed blind; no draft was ever revealed for this assignment. */
    BLIND_ONLY,
    /** Drafts revealed after the commit; the final answer is the blind answer. */
    BLIND_KEPT,
    /** The final answer differs from the blind answer: written under anchoring. */
    REVISED_AFTER_REVEAL,
    /** The final answer is a draft, or near-identical to one. */
    DRAFT_ACCEPTED,
    /** Imported from elsewhere with no provenance. */
    UNKNOWN;

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
