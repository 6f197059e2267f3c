package dev.blindfold.packaged;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One annotator's script: next → events (a batch of 5 client events) → blind → drafts → final (REVISE), a
 * think time before each step when paced. It remembers where it is in its loop, so a phase that ends
 * mid-item leaves the next phase to carry on from the same step. Every response must have its expected status.
 */
final class SimulatedAnnotator {

    private final LoopHttp http;
    private final long projectId;
    private final String authorization;
    private final int index;
    private int step;
    private long assignmentId;

    SimulatedAnnotator(LoopHttp http, long projectId, String token, int index) {
        this.http = http;
        this.projectId = projectId;
        this.authorization = LoopHttp.bearer(token);
        this.index = index;
    }

    /** Runs loop steps until the deadline; a failed request is recorded and ends this annotator's phase. */
    void run(Phase phase) {
        try {
            while (System.nanoTime() < phase.deadline()) {
                phase.think();
                if (phase.floor()) {
                    phase.timed(Step.FLOOR, http.get("/q/health/live", null), 200);
                } else {
                    loopStep(phase);
                }
            }
        } catch (Phase.Failed e) {
            // recorded by Phase.timed
        } catch (Exception e) {
            phase.recordFailure(phase.floor() ? Step.FLOOR : Step.LOOP[step], e.toString());
        }
    }

    private void loopStep(Phase phase) throws Exception {
        String a = "/api/assignments/" + assignmentId;
        switch (Step.LOOP[step]) {
            case NEXT -> {
                HttpResponse<String> next = phase.timed(Step.NEXT, http.get("/api/projects/" + projectId + "/next", authorization), 200);
                assignmentId = LoopFixture.assignmentId(next.body());
            }
            case EVENTS -> phase.timed(Step.EVENTS, post(a + "/events", events()), 202);
            case BLIND -> phase.timed(Step.BLIND, post(a + "/blind", LoopFixture.json(Map.of("answer",
                    "Annotator " + index + " on assignment " + assignmentId + ": add the card under Billing first."))), 200);
            case DRAFTS -> phase.timed(Step.DRAFTS, http.get(a + "/drafts", authorization), 200);
            default -> phase.timed(Step.FINAL, post(a + "/final", LoopFixture.json(Map.of("decision", "REVISE", "answer",
                    "Annotator " + index + " on assignment " + assignmentId + ": Billing → Payment methods → make it default."))), 200);
        }
        step = (step + 1) % Step.LOOP.length;
    }

    private HttpRequest post(String path, String json) {
        return http.post(path, authorization, "application/json", json);
    }

    private static String events() throws Exception {
        long now = System.currentTimeMillis();
        int keys = ThreadLocalRandom.current().nextInt(20, 200);
        return LoopFixture.json(java.util.List.of(
                Map.of("type", "FIRST_INPUT", "clientTime", now - 9000, "data", Map.of()),
                Map.of("type", "KEYSTROKES", "clientTime", now - 6000, "data", Map.of("count", keys)),
                Map.of("type", "FOCUS_LOST", "clientTime", now - 5000, "data", Map.of()),
                Map.of("type", "FOCUS_RETURNED", "clientTime", now - 3000, "data", Map.of()),
                Map.of("type", "PASTE", "clientTime", now - 1000, "data", Map.of("chars", 12))));
    }
}
