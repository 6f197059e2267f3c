package dev.blindfold.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.packaged.LoopClient.Reply;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The production topology without containers: two packaged app nodes started at the same moment on one empty
 * PostgreSQL database, and annotators whose every request goes to either node at random, all at once.
 * PostgreSQL pass only (the H2 pass excludes it in the pom: an H2 file belongs to one process).
 */
class TwoNodesIT {

    private static final int ANNOTATORS = 10;
    private static final Map<Integer, Integer> ITEMS_BY_OVERLAP = Map.of(2, 30, 3, 20);
    /** Both nodes find the database empty and would load the demo: it must be loaded once, by one of them. */
    private static final Map<String, String> DEMO = Map.of("blindfold.demo.enabled", "true");

    /** What one annotator was handed: assignment id → project. */
    private record Work(LoopClient annotator, Map<Long, Long> assignments) {
    }

    @Test
    void aSessionEndedOnOneNodeIsRefusedByTheOtherFromTheNextRequest() throws Exception {
        assertTrue(AppDatabase.postgresBuild(), "two nodes share one database only in the PostgreSQL build");
        try (AppDatabase db = AppDatabase.fresh("two-nodes-sessions");
             PackagedApp a = PackagedApp.launch("sessions-a", db, Map.of());
             PackagedApp b = PackagedApp.launch("sessions-b", db, Map.of())) {
            a.awaitReady();
            b.awaitReady();
            BrowserSession browser = BrowserSession.signIn(a, "admin", PackagedApp.ADMIN_PASSWORD);
            assertEquals(200, browser.get(b, "/api/projects").statusCode(), "a session made on one node works on the other");
            assertEquals(303, browser.signOut(b));
            assertEquals(401, browser.get(a, "/api/projects").statusCode(), "signed out on b, refused by a at once");
            assertEquals(401, browser.get(b, "/api/projects").statusCode());
        }
    }

    @Test
    void annotatorsOnTwoNodesAtOnceNeverExceedOverlapNorShareAnAssignmentAndEveryChainVerifies() throws Exception {
        assertTrue(AppDatabase.postgresBuild(), "two nodes share one database only in the PostgreSQL build");
        try (AppDatabase db = AppDatabase.fresh("two-nodes");
             PackagedApp a = PackagedApp.launch("node-a", db, DEMO);
             PackagedApp b = PackagedApp.launch("node-b", db, DEMO)) {
            a.awaitReady();
            b.awaitReady();
            List<PackagedApp> nodes = List.of(a, b);

            LoopClient admin = PackagedApp.admin();
            List<LoopClient> annotators = new ArrayList<>();
            for (int i = 0; i < ANNOTATORS; i++) {
                annotators.add(admin.newUser(nodes.get(i % 2), "annotator"));
            }
            Map<Long, Integer> overlapOf = new HashMap<>();
            for (var entry : ITEMS_BY_OVERLAP.entrySet()) {
                overlapOf.put(admin.newProject(b, entry.getKey(), entry.getValue(), annotators), entry.getKey());
            }

            List<Work> work = labelConcurrently(annotators, nodes, overlapOf.keySet());

            Map<Long, String> holder = new HashMap<>();
            for (Work w : work) {
                for (long aid : w.assignments().keySet()) {
                    String before = holder.put(aid, w.annotator().user());
                    assertTrue(before == null, "assignment " + aid + " handed to " + before + " and " + w.annotator().user());
                }
            }
            try (Connection c = db.connect()) {
                StoredLog stored = new StoredLog(c);
                assertEquals(4, stored.rows("SELECT COUNT(*), 0 FROM projects WHERE name LIKE '%(demo)' AND id > ?", 0)
                        .get(0)[0], "both nodes started on an empty database and the demo was loaded once");
                for (var project : overlapOf.entrySet()) {
                    long id = project.getKey();
                    int overlap = project.getValue();
                    List<long[]> perItem = stored.rows("SELECT item_id, COUNT(*) FROM assignments"
                            + " WHERE project_id = ? AND status <> 'SKIPPED' GROUP BY item_id", id);
                    assertEquals(ITEMS_BY_OVERLAP.get(overlap), perItem.size(), "every item of project " + id + " was labeled");
                    perItem.forEach(r -> assertEquals(overlap, r[1], "labels of item " + r[0] + " in project " + id));
                    assertEquals(List.of(), stored.rows("SELECT annotator_id, item_id FROM assignments WHERE project_id = ?"
                            + " GROUP BY annotator_id, item_id HAVING COUNT(*) > 1", id), "an (annotator, item) pair twice");
                    assertEquals(List.of(), stored.rows("SELECT id, position FROM assignments a WHERE project_id = ?"
                            + " AND position > (SELECT COUNT(*) FROM assignments o WHERE o.project_id = a.project_id"
                            + " AND o.annotator_id = a.annotator_id)", id), "positions beyond an annotator's count leave a gap");
                    assertEquals(List.of(), stored.problems(id), "the stored log of project " + id);
                    long finals = stored.rows("SELECT COUNT(*), 0 FROM assignments WHERE project_id = ? AND status = 'FINAL'", id)
                            .get(0)[0];
                    assertEquals(work.stream().mapToLong(w -> w.assignments().values().stream().filter(p -> p == id).count()).sum(),
                            finals, "every assignment handed out in project " + id + " was finished");
                    for (PackagedApp node : nodes) {
                        Reply verify = admin.get(node, "/api/projects/" + id + "/audit/verify");
                        assertEquals(200, verify.status(), verify.text());
                        assertTrue(verify.json().get("ok").asBoolean(), node.log() + ": " + verify.text());
                    }
                }
            }
        }
    }

    /** Every annotator works through every project at once, each request to a node picked at random. */
    private static List<Work> labelConcurrently(List<LoopClient> annotators, List<PackagedApp> nodes, Iterable<Long> projects)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(annotators.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Work>> futures = new ArrayList<>();
            for (int i = 0; i < annotators.size(); i++) {
                LoopClient me = annotators.get(i);
                Random random = new Random(i);
                Callable<Work> job = () -> {
                    go.await();
                    Map<Long, Long> mine = new ConcurrentHashMap<>();
                    for (long project : projects) {
                        labelAll(me, project, nodes, random, mine);
                    }
                    return new Work(me, mine);
                };
                futures.add(pool.submit(job));
            }
            go.countDown();
            List<Work> work = new ArrayList<>();
            for (Future<Work> f : futures) {
                work.add(f.get());
            }
            return work;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void labelAll(LoopClient me, long project, List<PackagedApp> nodes, Random random, Map<Long, Long> mine)
            throws Exception {
        while (true) {
            OptionalLong next = me.next(nodes.get(random.nextInt(2)), project);
            if (next.isEmpty()) {
                return;
            }
            long aid = next.getAsLong();
            mine.put(aid, project);
            String answer = me.user() + " answers " + aid;
            LoopClient.expectOk(me.typing(nodes.get(random.nextInt(2)), aid), "events " + aid);
            LoopClient.expectOk(me.commit(nodes.get(random.nextInt(2)), aid, answer), "commit " + aid);
            if (random.nextBoolean()) {
                LoopClient.expectOk(me.reveal(nodes.get(random.nextInt(2)), aid), "reveal " + aid);
                LoopClient.expectOk(me.revise(nodes.get(random.nextInt(2)), aid, answer + ", revised"), "final " + aid);
            } else {
                LoopClient.expectOk(me.keep(nodes.get(random.nextInt(2)), aid), "final " + aid);
            }
        }
    }
}
