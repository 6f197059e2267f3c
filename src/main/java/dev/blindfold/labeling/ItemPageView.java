package dev.blindfold.labeling;

import dev.blindfold.project.TaskType;
import dev.blindfold.web.RichText;
import java.util.List;

/**
 * What the item page shows. Built from the assignment, item, project and answers only: it has no
 * field that could carry a draft, so a page rendered before the commit cannot leak one (B1).
 */
public record ItemPageView(long assignmentId, long projectId, String projectName, String guidelines,
                           int guidelinesVersion, TaskType taskType, List<String> labels, int position, long total,
                           String input, String status, String blindAnswer, String finalDecision,
                           String finalAnswer, boolean revealAllowed) {

    /** The input as safe HTML: Markdown, or a chat as a conversation ({@link RichText}). */
    public String inputHtml() {
        return RichText.html(input);
    }

    /** The guidelines, written in Markdown, as safe HTML. */
    public String guidelinesHtml() {
        return RichText.markdown(guidelines == null ? "" : guidelines);
    }

    public boolean committed() {
        return blindAnswer != null;
    }

    public boolean skipped() {
        return "SKIPPED".equals(status);
    }

    /** Its reservation ran out (or label ops removed the annotator) before a blind answer: the place went back. */
    public boolean released() {
        return "RELEASED".equals(status);
    }

    public boolean done() {
        return "FINAL".equals(status) || "SKIPPED".equals(status) || released();
    }

    public boolean categorical() {
        return taskType == TaskType.CATEGORICAL;
    }

    /** DRAFT_RATING: every draft is rated 1–5 after the reveal. */
    public boolean rating() {
        return taskType == TaskType.DRAFT_RATING;
    }

    /** PAIRWISE: the drafts are compared as anonymous responses; one is preferred, or a tie. */
    public boolean pairwise() {
        return taskType == TaskType.PAIRWISE;
    }

    /** FREE_TEXT and CATEGORICAL: keep, revise or accept. */
    public boolean keepReviseAccept() {
        return !rating() && !pairwise();
    }
}
