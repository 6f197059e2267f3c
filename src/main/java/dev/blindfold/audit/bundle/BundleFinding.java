package dev.blindfold.audit.bundle;

import dev.blindfold.provenance.chain.ChainFinding;

/**
 * One problem an offline verification found, with where: the bundle file, its line (0 when the problem is
 * not at a line), the chain's actor and the seq (0 when they do not apply), and why in words.
 */
public record BundleFinding(Kind kind, String file, long line, Long chain, long seq, String detail) {

    public enum Kind {
        /** The bundle or its manifest cannot be read, or names an unknown format. */
        MANIFEST,
        /** manifest.sig does not verify, or is missing when a trusted key was given. */
        SIGNATURE,
        /** A file listed in the manifest is absent. */
        FILE_MISSING,
        /** A file's size or SHA-256 differs from the manifest's. */
        FILE_MISMATCH,
        /** An event of another project. */
        PROJECT_MISMATCH,
        CHANGED, DELETED, INSERTED, REORDERED, TRUNCATED, MISSING_CHAIN, UNEXPECTED_CHAIN,
        /** A label's exposure tag differs from the class its events give. */
        EXPOSURE_MISMATCH,
        /** A label row whose assignment has no committed blind answer in the events. */
        LABEL_WITHOUT_EVENTS,
        /** A committed blind answer in the events with no label row. */
        LABEL_MISSING,
        /** A labels.jsonl line that is not a label row, or a second row for one assignment. */
        LABEL_MALFORMED,
        /**
         * An evidence.jsonl line that cannot support a seen_before_commit tag: malformed, not matching its own hash,
         * not a first reveal, of this bundle's project, or by an actor with no chain here.
         */
        EVIDENCE_INVALID;

        static Kind of(ChainFinding.Kind chainKind) {
            return valueOf(chainKind.name());
        }
    }

    static BundleFinding of(ChainFinding f, String detail) {
        return new BundleFinding(Kind.of(f.kind()), BundleManifest.EVENTS, f.position(),
                f.chain() == null ? null : f.chain().actorId(), f.seq(), detail == null ? f.detail() : detail);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.name()).append(' ').append(file == null ? "bundle" : file);
        if (line > 0) {
            s.append(" line ").append(line);
        }
        if (chain != null) {
            s.append(" (actor ").append(chain);
            if (seq > 0) {
                s.append(", seq ").append(seq);
            }
            s.append(')');
        }
        return s.append(": ").append(detail).toString();
    }
}
