package dev.blindfold.labeling;

import java.util.List;

/**
 * What the item page shows. Built from the assignment, item, project and answers only: it has no
 * field that could carry a draft, so a page rendered before the commit cannot leak one (B1).
 */
public record ItemPageView(long assignmentId, long projectId, String projectName, String guidelines,
                           boolean categorical, List<String> labels, int position, long total,
                           String input, String status, String blindAnswer, String finalDecision,
                           String finalAnswer, boolean revealAllowed) {

    public boolean committed() {
        return blindAnswer != null;
    }

    public boolean done() {
        return "FINAL".equals(status) || "SKIPPED".equals(status);
    }
}
