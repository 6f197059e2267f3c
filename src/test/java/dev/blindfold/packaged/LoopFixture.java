package dev.blindfold.packaged;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the annotator loop benchmark runs on, made through the public API as label ops would: a FREE_TEXT
 * project (overlap 2) of {@code items} items with two drafts each, and {@code annotators} members, each with
 * an API token, since a script sends {@code Authorization: Bearer} (Basic would run bcrypt on every request).
 */
record LoopFixture(long projectId, List<String> tokens) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-annotator-password";

    static LoopFixture create(LoopHttp http, String tag, int items, int annotators) throws Exception {
        String admin = LoopHttp.basic("admin", PackagedApp.ADMIN_PASSWORD);
        String opsName = "ops-" + tag;
        http.expect(201, http.post("/api/users", admin, "application/json",
                json(Map.of("username", opsName, "password", PASSWORD, "roles", List.of("ops")))));
        String ops = LoopHttp.basic(opsName, PASSWORD);
        long projectId = JSON.readTree(http.expect(201, http.post("/api/projects", ops, "application/json",
                json(Map.of("name", "loop " + tag, "taskType", "FREE_TEXT", "overlap", 2,
                        "revealPolicy", "REVEAL_AFTER_COMMIT", "guidelines", "Answer briefly."))))).get("id").asLong();
        http.expect(200, http.post("/api/projects/" + projectId + "/items", ops, "application/x-ndjson", items(items)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < annotators; i++) {
                String name = "annotator-" + tag + "-" + i;
                tokens.add(pool.submit(() -> annotator(http, admin, ops, projectId, name)));
            }
            List<String> secrets = new ArrayList<>();
            for (Future<String> token : tokens) {
                secrets.add(token.get());
            }
            return new LoopFixture(projectId, secrets);
        } finally {
            pool.shutdown();
        }
    }

    private static String annotator(LoopHttp http, String admin, String ops, long projectId, String name) throws Exception {
        http.expect(201, http.post("/api/users", admin, "application/json",
                json(Map.of("username", name, "password", PASSWORD, "roles", List.of("annotator")))));
        http.expect(201, http.post("/api/projects/" + projectId + "/members", ops, "application/json",
                json(Map.of("username", name))));
        String created = http.expect(201, http.post("/api/tokens", LoopHttp.basic(name, PASSWORD), "application/json",
                json(Map.of("name", "bench script"))));
        return JSON.readTree(created).get("token").asText();
    }

    private static String items(int count) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ndjson.append(json(Map.of("externalId", "item-" + i,
                    "input", "Customer " + i + " asks: how do I move my subscription to another card without losing the discount?",
                    "drafts", List.of(draft("alpha-7b", "alpha", i), draft("beta-8b", "beta", i))))).append('\n');
        }
        return ndjson.toString();
    }

    private static Map<String, String> draft(String model, String family, int item) {
        return Map.of("model", model, "family", family, "version", "2026-11",
                "text", "Open Billing, choose Payment methods, add the new card and make it the default; the discount "
                        + "stays on the subscription (" + family + " draft for item " + item + ").");
    }

    static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    static long assignmentId(String nextBody) throws Exception {
        return JSON.readTree(nextBody).get("assignmentId").asLong();
    }
}
