package dev.blindfold.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.packaged.LoopClient.Reply;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * B8 against the packaged app: annotators commit as fast as they can, the process is killed with SIGKILL in the
 * middle of it, and after a restart every commit a client saw acknowledged is there, with its answer, and the log
 * is whole. Runs in both passes (an H2 file; PostgreSQL).
 */
class CrashSafetyIT {

    private static final int ANNOTATORS = 8;
    /** Acknowledged commits after which the process is killed: by then every client has requests in flight. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @Test
    void everyCommitAcknowledgedBeforeASigkillSurvivesItAndTheLogStaysWhole() throws Exception {
        try (AppDatabase db = AppDatabase.fresh("crash");
             PackagedApp app = PackagedApp.start("crash", db)) {
            LoopClient admin = PackagedApp.admin();
            List<LoopClient> annotators = new ArrayList<>();
            for (int i = 0; i < ANNOTATORS; i++) {
                annotators.add(admin.newUser(app, "annotator"));
            }
            long project = admin.newProject(app, 1, 1_000, annotators);

            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            Set<Long> revealed = ConcurrentHashMap.newKeySet();
            Queue<String> refused = new ConcurrentLinkedQueue<>();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
            for (int i = 0; i < ANNOTATORS; i++) {
                LoopClient me = annotators.get(i);
                Random random = new Random(i);
                pool.submit(() -> commitUntilTheProcessDies(app, me, project, random, acknowledged, revealed, refused, killed));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline && refused.isEmpty()) {
                Thread.sleep(20);
            }
            killed.set(true);
            app.kill();
            pool.shutdown();
            assertTrue(pool.awaitTermination(180, TimeUnit.SECONDS), "clients stop once the process is gone");
            assertEquals(List.of(), List.copyOf(refused), "requests answered before the kill");
            assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL, "load ran: " + acknowledged.size() + " commits acknowledged");

            assertStored(db, project, acknowledged, revealed);
            System.out.printf("CrashSafetyIT (%s): SIGKILL after %d acknowledged commits, %d acknowledged reveals%n",
                    db.postgres() ? "PostgreSQL" : "H2 file", acknowledged.size(), revealed.size());

            app.restart();
            assertVerifies(admin, app, project);
            for (LoopClient me : annotators) {
                labelOne(app, me, project);
            }
            assertVerifies(admin, app, project);
            app.stop();
            assertStored(db, project, acknowledged, revealed);
        }
    }

    /**
     * One annotator's loop: next, commit (its answer is a function of the assignment, so a commit that landed
     * unacknowledged can be sent again), sometimes a reveal, final. Stops at the first request without a response.
     */
    private static void commitUntilTheProcessDies(PackagedApp app, LoopClient me, long project, Random random,
                                                  Map<Long, String> acknowledged, Set<Long> revealed, Queue<String> refused,
                                                  AtomicBoolean killed) {
        try {
            while (true) {
                OptionalLong next = me.next(app, project);
                if (next.isEmpty()) {
                    refused.add(me.user() + " ran out of items");
                    return;
                }
                long aid = next.getAsLong();
                Reply commit = me.commit(app, aid, answer(me, aid));
                if (!commit.ok() || !commit.text().contains("committedAt")) {
                    refused.add("commit " + aid + ": " + commit.status() + " " + commit.text());
                    return;
                }
                acknowledged.put(aid, answer(me, aid));
                if (random.nextInt(3) == 0) {
                    Reply reveal = me.reveal(app, aid);
                    if (!reveal.ok()) {
                        refused.add("reveal " + aid + ": " + reveal.status() + " " + reveal.text());
                        return;
                    }
                    revealed.add(aid);
                }
                Reply keep = me.keep(app, aid);
                if (!keep.ok()) {
                    refused.add("final " + aid + ": " + keep.status() + " " + keep.text());
                    return;
                }
            }
        } catch (IOException e) {
            if (!killed.get()) {
                refused.add(me.user() + ": no response before the kill: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            refused.add(me.user() + ": " + e);
        }
    }

    private static String answer(LoopClient me, long aid) {
        return me.user() + " answers " + aid + " blind";
    }

    /** After the restart the annotator goes on: resumes what the kill interrupted (re-sending the same commit). */
    private static void labelOne(PackagedApp app, LoopClient me, long project) throws Exception {
        long aid = me.next(app, project).orElseThrow();
        LoopClient.expectOk(me.commit(app, aid, answer(me, aid)), "commit after restart by " + me.user());
        LoopClient.expectOk(me.keep(app, aid), "final after restart by " + me.user());
    }

    private static void assertStored(AppDatabase db, long project, Map<Long, String> acknowledged, Set<Long> revealed)
            throws Exception {
        try (Connection c = db.connect()) {
            StoredLog stored = new StoredLog(c);
            for (var commit : acknowledged.entrySet()) {
                assertEquals(commit.getValue(), stored.blindAnswer(commit.getKey()), "acknowledged commit of assignment " + commit.getKey());
            }
            for (long aid : revealed) {
                assertEquals(1, stored.rows("SELECT COUNT(*), 0 FROM events WHERE assignment_id = ? AND type = 'DRAFTS_REVEALED'",
                        aid).get(0)[0], "acknowledged reveal of assignment " + aid);
            }
            assertEquals(List.of(), stored.problems(project), "the stored log");
        }
    }

    private static void assertVerifies(LoopClient admin, PackagedApp app, long project) throws Exception {
        Reply verify = admin.get(app, "/api/projects/" + project + "/audit/verify");
        assertEquals(200, verify.status(), verify.text());
        assertTrue(verify.json().get("ok").asBoolean(), verify.text());
    }
}
