package dev.blindfold.audit.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.provenance.chain.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an auditor sees of one label: the page {@code /audit/assignments/{aid}} and the JSON of
 * {@code /api/assignments/{aid}/timeline}. Times are server times unless marked client-claimed.
 *
 * @param guidelinesVersion the project's guidelines version the blind answer was written under; null before the
 *                      blind commit
 * @param exposure      the label's exposure class, computed from the log as exports compute it; null
 *                      before the blind commit
 * @param priorExposure drafts of each model family the annotator had been shown before this commit
 * @param sameContent   of those, per family, the drafts that shared this item's input or one of its draft texts
 * @param seenBefore    the first reveal (assignment, server time) that showed this label's content before its commit,
 *                      on any project; null when none did
 * @param flags         {@code paste_dominant}, {@code offscreen_composition}, {@code seen_before_commit} as the audit
 *                      flags them
 * @param milestones    shown → first input → paste → commit → reveal → final (→ skipped), those that happened
 * @param events        every event of the assignment in chain order
 */
public record Timeline(long assignmentId, long projectId, String projectName, String itemExternalId, String itemInput,
                       String annotator, String status, String blindAnswer, String finalAnswer, String decision,
                       Integer guidelinesVersion, ExposureClass exposure, Map<String, Integer> priorExposure, Map<String, Integer> sameContent,
                       LabelExposure.EarlierReveal seenBefore, List<String> flags,
                       List<Milestone> milestones, List<EventRow> events) {

    /** One event as the log holds it, with its payload parsed: what the timeline is built from. */
    public record Entry(long seq, EventType type, Instant serverTime, Instant clientTime, boolean clientClaimed,
                        JsonNode data) {
    }

    /**
     * A step of the label's life. {@code at} is the server time, or for a client event (first input, paste) the
     * client's claimed time moved onto the server's clock by the smallest server − client difference seen on
     * this assignment (then {@code clientClaimed} is true). {@code sincePreviousMs}: since the milestone before.
     */
    public record Milestone(String name, String label, Instant at, boolean clientClaimed, Long sincePreviousMs) {
    }

    /**
     * One event: {@code sincePreviousMs} is the server time since the previous event of the assignment;
     * {@code details} and {@code drafts} are the payload in words (the JSON carries {@code data} instead).
     */
    public record EventRow(long seq, EventType type, String label, Instant serverTime, Instant clientTime,
                           boolean clientClaimed, Long sincePreviousMs, JsonNode data,
                           @JsonIgnore List<Detail> details, @JsonIgnore List<ShownDraft> drafts) {
    }

    /** A named value of an event's payload. */
    public record Detail(String name, String value) {
    }

    /** A draft as a reveal showed it. */
    public record ShownDraft(String slot, String model, String family, String version, String text) {
    }
}
