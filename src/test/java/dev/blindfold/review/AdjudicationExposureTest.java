package dev.blindfold.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.provenance.chain.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjudicationExposureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT = "Open settings, choose Security, then Reset password.";

    private static AdjudicationExposure.Step step(EventType type, String json) {
        try {
            JsonNode payload = JSON.readTree(json);
            return new AdjudicationExposure.Step(type, payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AdjudicationExposure.Step> steps(boolean reveal, String decision, String answer) {
        List<AdjudicationExposure.Step> steps = new ArrayList<>();
        steps.add(step(EventType.REVIEW_SHOWN, "{\"itemId\":1}"));
        steps.add(step(EventType.ADJUDICATION_COMMITTED, "{\"itemId\":1,\"answer\":\"Use the reset link.\"}"));
        if (reveal) {
            steps.add(step(EventType.ADJUDICATION_REVEALED, "{\"itemId\":1,\"order\":[{\"slot\":\"A\",\"text\":\""
                    + DRAFT + "\"}]}"));
        }
        if (decision != null) {
            steps.add(step(EventType.ADJUDICATION_FINAL, "{\"itemId\":1,\"decision\":\"" + decision
                    + "\",\"answer\":\"" + answer + "\"}"));
        }
        return steps;
    }

    @Test
    void classesFollowTheEventsAsForLabels() {
        assertNull(AdjudicationExposure.of(List.of(step(EventType.REVIEW_SHOWN, "{}")), 0.9), "nothing committed");
        assertEquals(ExposureClass.BLIND_ONLY, AdjudicationExposure.of(steps(false, null, null), 0.9));
        assertEquals(ExposureClass.AWAITING_FINAL, AdjudicationExposure.of(steps(true, null, null), 0.9));
        assertEquals(ExposureClass.BLIND_KEPT, AdjudicationExposure.of(steps(true, "KEEP", "Use the reset link."), 0.9));
        assertEquals(ExposureClass.BLIND_KEPT, AdjudicationExposure.of(steps(true, "REVISE", " Use the  reset link. "),
                0.9), "white space alone is no revision, as for labels");
        assertEquals(ExposureClass.REVISED_AFTER_REVEAL,
                AdjudicationExposure.of(steps(true, "REVISE", "Use the reset link on the sign-in page."), 0.9));
        assertEquals(ExposureClass.DRAFT_ACCEPTED, AdjudicationExposure.of(steps(true, "ACCEPT", DRAFT), 0.9));
        assertEquals(ExposureClass.DRAFT_ACCEPTED, AdjudicationExposure.of(
                steps(true, "REVISE", "Open settings, choose Security, then Reset password!"), 0.9),
                "a revision near-identical to a shown draft is accepting it");
    }

    @Test
    void aRevealBeforeTheCommitIsNotCountedAsAfterIt() {
        List<AdjudicationExposure.Step> steps = new ArrayList<>();
        steps.add(step(EventType.ADJUDICATION_REVEALED, "{\"order\":[{\"text\":\"x\"}]}"));
        steps.add(step(EventType.ADJUDICATION_COMMITTED, "{\"answer\":\"y\"}"));
        assertEquals(ExposureClass.BLIND_ONLY, AdjudicationExposure.of(steps, 0.9));
    }
}
