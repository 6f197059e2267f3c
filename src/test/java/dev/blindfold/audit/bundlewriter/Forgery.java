package dev.blindfold.audit.bundlewriter;

import dev.blindfold.audit.bundle.BundleManifest;
import dev.blindfold.audit.bundlewriter.BundleFiles.Event;
import java.io.IOException;
import java.util.List;
import dev.blindfold.audit.bundlewriter.BundleTamperTest;
import dev.blindfold.audit.bundlewriter.BundleFiles;

/** The forgery a hash chain alone cannot catch: rewrite history and recompute every hash and the manifest. */
final class Forgery {

    private Forgery() {
    }

    /**
     * Moves the reveal of a {@code blind_kept} label before its commit, renumbers and rehashes that chain and rewrites
     * the manifest's heads and sums. Returns the label's index in labels.jsonl.
     */
    static int revealBeforeCommit(BundleFiles b) throws IOException {
        List<String> labels = b.lines(BundleManifest.LABELS);
        int label = BundleTamperTest.indexOf(labels, l -> l.contains("\"exposure\":\"blind_kept\""));
        long assignment = BundleFiles.JSON.readTree(labels.get(label)).get("assignment_id").asLong();
        List<String> events = b.lines(BundleManifest.EVENTS);
        int commit = BundleTamperTest.indexOf(events, l -> isOf(l, assignment, "BLIND_COMMITTED"));
        int reveal = BundleTamperTest.indexOf(events, l -> isOf(l, assignment, "DRAFTS_REVEALED"));
        String moved = events.remove(reveal);
        events.add(commit, moved);
        b.lines(BundleManifest.EVENTS, events);
        b.rechain(Event.of(moved).actorId());
        b.recomputeManifest();
        return label;
    }

    private static boolean isOf(String line, long assignment, String type) {
        Event e = Event.of(line);
        return type.equals(e.type()) && Long.valueOf(assignment).equals(e.assignmentId());
    }
}
