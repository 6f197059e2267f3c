package dev.blindfold.scale;

import dev.blindfold.scale.BenchHttp.Answer;
import dev.blindfold.scale.BenchUsers.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The views ops and auditors open on a project, each timed {@code runs} times in a row by one client, whole body
 * read. A view that answers anything but 2xx, or not within the deadline, is not asked again: its first answer is
 * what it gives today. A request past its deadline is left running, and waited for (up to {@code lateMax}) before
 * the next view, so no two views share the app, and so that what the app answered in the end, and when, is known.
 */
final class ViewTimes {

    /** A view: its name, route (one {@code %d} for the project), route template, who opens it, and its goal. */
    record View(String name, String route, String template, boolean auditor, double goalSeconds, String goal) {
    }

    /** What one view gave: each run's answer, and for a run given up on, what the app answered in the end. */
    record Result(View view, List<Answer> runs, String lateAnswer) {
        /** Median of the runs, in seconds (all runs are 2xx, or there is one run). */
        double p50() {
            List<Double> s = runs.stream().map(a -> a.millis() / 1000).sorted().toList();
            return s.get(s.size() / 2);
        }

        boolean ok() {
            return runs.stream().allMatch(Answer::ok);
        }
    }

    static final List<View> VIEWS = List.of(
            new View("ops overview", "/projects/%d/overview", "/projects/{id}/overview", false, 1, "< 1 s (page)"),
            new View("audit page", "/projects/%d/audit", "/projects/{id}/audit", true, 1, "< 1 s (page)"),
            new View("anchoring report (JSON)", "/api/projects/%d/audit/report", "/api/projects/{id}/audit/report", true,
                    5, "< 5 s (report)"),
            new View("agreement", "/api/projects/%d/agreement", "/api/projects/{id}/agreement", false, 0, "no 500"),
            new View("gold (majority of blind answers)", "/api/projects/%d/gold", "/api/projects/{id}/gold", false, 0,
                    "no 500"),
            new View("chain verify", "/api/projects/%d/audit/verify", "/api/projects/{id}/audit/verify", true, 0,
                    "no 500"));

    private final BenchHttp http;
    private final Duration deadline;
    private final Duration lateMax;
    private final int runs;

    ViewTimes(BenchHttp http, Duration deadline, Duration lateMax, int runs) {
        this.http = http;
        this.deadline = deadline;
        this.lateMax = lateMax;
        this.runs = runs;
    }

    List<Result> measure(long projectId, Person ops, Person auditor) throws InterruptedException, ExecutionException {
        List<Result> results = new ArrayList<>();
        for (View view : VIEWS) {
            List<Answer> answers = new ArrayList<>();
            String late = null;
            for (int run = 0; run < runs; run++) {
                Answer answer = http.get(String.format(view.route(), projectId), (view.auditor() ? auditor : ops).token(),
                        deadline);
                answers.add(answer);
                System.out.printf(java.util.Locale.ROOT, "bench: %s run %d: %s in %.2f s, %,d bytes%n", view.name(),
                        run + 1, answer.outcome(), answer.millis() / 1000, answer.bytes());
                if (!answer.ok()) {
                    late = answer.late() == null ? null : late(answer.late());
                    break;
                }
            }
            results.add(new Result(view, answers, late));
        }
        return results;
    }

    /** What the app answered in the end to a request past its deadline: "500 after 312 s", or that it had not yet. */
    private String late(CompletableFuture<Answer> answer) throws InterruptedException, ExecutionException {
        try {
            Answer a = answer.get(lateMax.toMillis(), TimeUnit.MILLISECONDS);
            String late = String.format(java.util.Locale.ROOT, "%s after %.0f s", a.outcome(), a.millis() / 1000);
            System.out.printf("bench: the app answered %s, %,d bytes: %s%n", late, a.bytes(),
                    a.body().substring(0, Math.min(300, a.body().length())));
            return late;
        } catch (TimeoutException e) {
            answer.cancel(true);
            return "no answer after " + lateMax.toMinutes() + " min";
        }
    }
}
