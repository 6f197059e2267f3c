package dev.blindfold.exposure;

/**
 * Which edition of the exposure rules the {@link ExposureClassifier} applies. The server always tags with the
 * newest; the offline verifier checks an audit bundle with the edition its format was written under, so bundles
 * made before a rule changed still verify.
 */
public enum ExposureRules {
    /**
     * Audit bundle format 1: a label revealed after its commit and not yet decided counts as {@code blind_kept} (its
     * blind answer standing as the final answer so far); content identity across assignments is not considered.
     */
    V1,
    /**
     * Audit bundle format 2 (issue 11): such a label is {@code awaiting_final} with no final answer, and a commit
     * whose input or one of whose draft texts the annotator had been shown before is {@code seen_before_commit}.
     */
    V2
}
