package dev.blindfold.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.packaged.LoopClient.Reply;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with commits in flight ({@code quarkus.shutdown.timeout}): every request sent before the signal gets its
 * complete answer, and every acknowledged commit is stored. Quarkus (3.33) refuses nothing during the grace period:
 * it keeps serving, closes each connection after its response, and stops once no request is open, so anything but
 * a 2xx for a request sent before the signal is a failure. "In flight" is made certain rather than hoped for: some
 * commits have their head and half their body on the wire when the signal goes, and get the rest only after the app
 * has logged that it is waiting for them; meanwhile other annotators keep committing. Both passes.
 */
class GracefulShutdownIT {

    private static final int BUSY = 6;
    private static final int HELD = 4;

    @Test
    void sigtermLetsCommitsInFlightFinishAndExitsNormally() throws Exception {
        try (AppDatabase db = AppDatabase.fresh("shutdown");
             PackagedApp app = PackagedApp.start("shutdown", db)) {
            LoopClient admin = PackagedApp.admin();
            List<LoopClient> annotators = new ArrayList<>();
            for (int i = 0; i < BUSY + HELD; i++) {
                annotators.add(admin.newUser(app, "annotator"));
            }
            long project = admin.newProject(app, 1, 1_000, annotators);

            List<HeldCommit> held = new ArrayList<>();
            for (LoopClient me : annotators.subList(BUSY, BUSY + HELD)) {
                long aid = me.next(app, project).orElseThrow();
                held.add(new HeldCommit(app, me, aid, me.user() + " answers " + aid + " while the app stops"));
            }

            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            Queue<String> unclean = new ConcurrentLinkedQueue<>();
            AtomicInteger answered = new AtomicInteger();
            AtomicBoolean terminating = new AtomicBoolean();
            CountDownLatch busyDone = new CountDownLatch(BUSY);
            ExecutorService pool = Executors.newFixedThreadPool(BUSY);
            for (LoopClient me : annotators.subList(0, BUSY)) {
                pool.submit(() -> {
                    try {
                        commitUntil(terminating, app, me, project, acknowledged, answered, unclean);
                    } finally {
                        busyDone.countDown();
                    }
                });
            }
            // The held heads went out before this: once the app has answered plenty more, it has read them too.
            awaitAtLeast(answered, answered.get() + 30);

            terminating.set(true);
            app.terminate();
            assertTrue(waitingForRequests(app), "after SIGTERM the app waits for the requests in flight:\n" + app.logTail());
            assertTrue(busyDone.await(120, TimeUnit.SECONDS), "requests sent before the signal got their answers");
            List<Integer> heldStatuses = new ArrayList<>();
            for (HeldCommit h : held) {
                heldStatuses.add(h.finish());
            }
            int exit = app.awaitExit();
            pool.shutdownNow();

            assertEquals(List.of(200, 200, 200, 200), heldStatuses, "commits in flight at the signal finished:\n" + app.logTail());
            assertEquals(List.of(), List.copyOf(unclean), "every request sent before the signal got its 2xx");
            assertEquals(143, exit, "the JVM's exit status after SIGTERM and a clean shutdown (128 + 15):\n" + app.logTail());
            assertTrue(app.logTail().contains("stopped in"), app.logTail());
            try (Connection c = db.connect()) {
                StoredLog stored = new StoredLog(c);
                for (HeldCommit h : held) {
                    assertEquals(h.answer, stored.blindAnswer(h.aid), "held commit of assignment " + h.aid);
                }
                for (var commit : acknowledged.entrySet()) {
                    assertEquals(commit.getValue(), stored.blindAnswer(commit.getKey()), "acknowledged commit " + commit.getKey());
                }
                assertEquals(List.of(), stored.problems(project));
            }
            app.restart();
            Reply verify = admin.get(app, "/api/projects/" + project + "/audit/verify");
            assertTrue(verify.ok() && verify.json().get("ok").asBoolean(), verify.text());
        }
    }

    /** Next, commit, final, until the signal; any answer but a 2xx, or none, is recorded as unclean. */
    private static void commitUntil(AtomicBoolean terminating, PackagedApp app, LoopClient me, long project,
                                    Map<Long, String> acknowledged, AtomicInteger answered, Queue<String> unclean) {
        try {
            while (!terminating.get()) {
                Reply next = me.get(app, "/api/projects/" + project + "/next");
                answered.incrementAndGet();
                if (!clean(next, "next", unclean) || terminating.get()) {
                    return;
                }
                long aid = next.json().get("assignmentId").asLong();
                String answer = me.user() + " answers " + aid;
                Reply commit = me.commit(app, aid, answer);
                answered.incrementAndGet();
                if (!clean(commit, "commit " + aid, unclean)) {
                    return;
                }
                acknowledged.put(aid, answer);
                if (terminating.get()) {
                    return;
                }
                clean(me.keep(app, aid), "final " + aid, unclean);
                answered.incrementAndGet();
            }
        } catch (IOException e) {
            unclean.add(me.user() + ": no complete response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            unclean.add(me.user() + ": " + e);
        }
    }

    /** True for a 2xx; anything else is recorded. */
    private static boolean clean(Reply r, String what, Queue<String> unclean) {
        if (!r.ok()) {
            unclean.add(what + ": " + r.status() + " " + r.text());
        }
        return r.ok();
    }

    /** Waits for Quarkus to say it is waiting for requests: the shutdown has begun and holds for those in flight. */
    private static boolean waitingForRequests(PackagedApp app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && app.alive()) {
            if (app.logged("Waiting for HTTP requests to complete")) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static void awaitAtLeast(AtomicInteger counter, int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (counter.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
