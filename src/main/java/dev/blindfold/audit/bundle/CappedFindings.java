package dev.blindfold.audit.bundle;

import java.util.ArrayList;
import java.util.List;

/** Findings as they are made, kept up to {@link #MAX} (a wholly rewritten bundle would otherwise fill memory). */
final class CappedFindings {

    static final int MAX = 10_000;

    private final List<BundleFinding> kept = new ArrayList<>();
    private long dropped;

    void add(BundleFinding f) {
        if (kept.size() < MAX) {
            kept.add(f);
        } else {
            dropped++;
        }
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    List<BundleFinding> list() {
        if (dropped == 0) {
            return List.copyOf(kept);
        }
        List<BundleFinding> all = new ArrayList<>(kept);
        all.add(new BundleFinding(BundleFinding.Kind.MANIFEST, null, 0, null, 0, dropped + " more findings not listed"));
        return List.copyOf(all);
    }
}
