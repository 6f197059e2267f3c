package dev.blindfold.packaged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One user talking to packaged app instances over {@code java.net.http} with HTTP Basic, as a script or the
 * browser's fetch calls would: the annotator's blind loop (next, client events, blind commit, reveal, final) and,
 * as admin, the setup (users, a project with items, members). Thread-safe; each call names the node it goes to.
 */
public final class LoopClient {

    public static final String PASSWORD = "packaged-user-password";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A complete response: status and body (JSON when there is one). */
    public record Reply(int status, String text) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + text, e);
            }
        }
    }

    private final String user;
    private final String authorization;

    LoopClient(String user, String password) {
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String user() {
        return user;
    }

    /** The Authorization header's value, for requests written by hand. */
    String authorization() {
        return authorization;
    }

    // ---- the blind loop ----

    /** The next assignment's id, or empty when nothing is left (204). Throws on any other answer. */
    public OptionalLong next(PackagedApp node, long projectId) throws IOException, InterruptedException {
        Reply r = get(node, "/api/projects/" + projectId + "/next");
        if (r.status() == 204) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(expectOk(r, "next").json().get("assignmentId").asLong());
    }

    /** What the page reports while the annotator types: first input, a focus loss and its return. */
    public Reply typing(PackagedApp node, long aid) throws IOException, InterruptedException {
        long now = System.currentTimeMillis();
        return post(node, "/api/assignments/" + aid + "/events", List.of(
                Map.of("type", "FIRST_INPUT", "clientTime", now - 900, "data", Map.of()),
                Map.of("type", "FOCUS_LOST", "clientTime", now - 600, "data", Map.of()),
                Map.of("type", "FOCUS_RETURNED", "clientTime", now - 300, "data", Map.of())));
    }

    public Reply commit(PackagedApp node, long aid, String answer) throws IOException, InterruptedException {
        return post(node, "/api/assignments/" + aid + "/blind", Map.of("answer", answer));
    }

    public Reply reveal(PackagedApp node, long aid) throws IOException, InterruptedException {
        return get(node, "/api/assignments/" + aid + "/drafts");
    }

    public Reply keep(PackagedApp node, long aid) throws IOException, InterruptedException {
        return post(node, "/api/assignments/" + aid + "/final", Map.of("decision", "KEEP"));
    }

    public Reply revise(PackagedApp node, long aid, String answer) throws IOException, InterruptedException {
        return post(node, "/api/assignments/" + aid + "/final", Map.of("decision", "REVISE", "answer", answer));
    }

    // ---- setup, as admin ----

    /** A new user with {@link #PASSWORD} and one role; its client. */
    public LoopClient newUser(PackagedApp node, String role) throws IOException, InterruptedException {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        expectOk(post(node, "/api/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(role))), "new user");
        return new LoopClient(name, PASSWORD);
    }

    /** A FREE_TEXT project revealing after commit, with {@code items} items of two drafts each and these members. */
    public long newProject(PackagedApp node, int overlap, int items, List<LoopClient> members)
            throws IOException, InterruptedException {
        long id = expectOk(post(node, "/api/projects", Map.of("name", "packaged-" + UUID.randomUUID(), "taskType",
                "FREE_TEXT", "overlap", overlap, "revealPolicy", "REVEAL_AFTER_COMMIT", "guidelines", "Answer briefly.")),
                "new project").json().get("id").asLong();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < items; i++) {
            ndjson.append(JSON.writeValueAsString(Map.of("externalId", "item-" + i, "input", "Question " + i + ": how do I reset my password?",
                    "drafts", List.of(draft("alpha", i), draft("beta", i))))).append('\n');
        }
        expectOk(send(node, "POST", "/api/projects/" + id + "/items", "application/x-ndjson",
                HttpRequest.BodyPublishers.ofString(ndjson.toString())), "import");
        for (LoopClient member : members) {
            expectOk(post(node, "/api/projects/" + id + "/members", Map.of("username", member.user())), "add member");
        }
        return id;
    }

    private static Map<String, String> draft(String family, int item) {
        return Map.of("model", family + "-1", "family", family, "version", "v1",
                "text", "Draft by " + family + " for question " + item + ": use the reset link.");
    }

    // ---- HTTP ----

    public Reply get(PackagedApp node, String path) throws IOException, InterruptedException {
        return send(node, "GET", path, null, HttpRequest.BodyPublishers.noBody());
    }

    public Reply post(PackagedApp node, String path, Object body) throws IOException, InterruptedException {
        return send(node, "POST", path, "application/json", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    /** Sends a request and waits for the whole response; an IOException means no complete response arrived. */
    public Reply send(PackagedApp node, String method, String path, String contentType, BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Accept", "application/json").method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    static Reply expectOk(Reply r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " failed with " + r.status() + ": " + r.text());
        }
        return r;
    }
}
