package dev.blindfold.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.packaged.Latencies;
import dev.blindfold.scale.BenchHttp.Answer;
import dev.blindfold.scale.BenchUsers.Person;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The blind loop over HTTP as an annotator's browser and script drive it, one label at a time: {@code next} (a new
 * assignment each time, since the one before was finished), the item page, the blind commit, the reveal, the final
 * KEEP. Each step's time goes to its {@link Latencies}; any answer but the expected one stops the benchmark, and so
 * does a {@code next} that hands out an assignment twice.
 */
final class LabelingLoop {

    enum Step {
        NEXT("`next` (new assignment)"), PAGE("item page"), BLIND("blind commit"), REVEAL("reveal"), FINAL("final (KEEP)");

        final String title;

        Step(String title) {
            this.title = title;
        }
    }

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttp http;
    private final Set<Long> handedOut = new HashSet<>();

    LabelingLoop(BenchHttp http) {
        this.http = http;
    }

    static Map<Step, Latencies> latencies() {
        Map<Step, Latencies> times = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            times.put(step, new Latencies());
        }
        return times;
    }

    /** One label by {@code annotator}; {@code page}: open the item page after {@code next}. Returns its nanoseconds. */
    long label(long projectId, Person annotator, int n, boolean page, Map<Step, Latencies> times) {
        long start = System.nanoTime();
        Answer next = expect(200, http.get("/api/projects/" + projectId + "/next", annotator.token(), DEADLINE), times,
                Step.NEXT);
        long aid = json(next).get("assignmentId").asLong();
        if (!handedOut.add(aid)) {
            throw new AssertionError("next handed out assignment " + aid + " again");
        }
        String assignment = "/api/assignments/" + aid;
        if (page) {
            Answer html = expect(200, http.get("/assignments/" + aid, annotator.token(), DEADLINE), times, Step.PAGE);
            if (!html.body().contains("id=\"blind-form\"")) {
                throw new AssertionError("item page of " + aid + " has no answer form: " + html.body());
            }
        }
        expect(200, http.post(assignment + "/blind", annotator.token(), "{\"answer\":\"Loop answer " + n
                + ": open Settings, then Security, and request a new reset link.\"}", DEADLINE), times, Step.BLIND);
        Answer drafts = expect(200, http.get(assignment + "/drafts", annotator.token(), DEADLINE), times, Step.REVEAL);
        if (json(drafts).size() != 2) {
            throw new AssertionError("reveal of " + aid + " showed " + drafts.body());
        }
        expect(200, http.post(assignment + "/final", annotator.token(), "{\"decision\":\"KEEP\"}", DEADLINE), times,
                Step.FINAL);
        return System.nanoTime() - start;
    }

    private static Answer expect(int status, Answer answer, Map<Step, Latencies> times, Step step) {
        if (answer.status() != status) {
            throw new AssertionError(step.title + " answered " + answer.outcome() + " (expected " + status + "): "
                    + answer.body());
        }
        if (times != null) {
            times.get(step).add(answer.nanos());
        }
        return answer;
    }

    private static JsonNode json(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }
}
