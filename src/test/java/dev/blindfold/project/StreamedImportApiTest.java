package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Imports through the HTTP API that a buffered import could not pass: bodies sent chunked (no
 * Content-Length) by {@code java.net.http.HttpClient} from a {@link GeneratedUpload}, so the test
 * itself never holds them either.
 */
@QuarkusTest
class StreamedImportApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL base;

    @Inject
    SessionFactory hibernate;

    /**
     * 100,000 items (about 50 MB) in well under a minute, and proof that the server does not hold
     * the file: the upload stops after item 70,000 and waits until the server has stored (flushed
     * inside its still-open transaction) at least 30,000 items. The last 30,000 items do not exist
     * yet at that moment, so the server cannot have had the whole file; it was parsing and storing
     * while the body streamed in. The signal is Hibernate's insert count (statistics are on in the
     * test profile), not heap measurements, which a garbage collector makes flaky. That the parsers
     * themselves hold no more than a buffer ahead is shown in ItemLinesTest, ItemCsvTest and
     * LabelStudioTasksTest, with a counting sink.
     */
    @Test
    void aHundredThousandItemsAreStoredWhileTheirUploadIsStillStreaming() throws Exception {
        String ops = TestData.user("ops");
        long projectId = ItemImportApiTest.project(ops);
        int count = 100_000;
        long insertsBefore = inserts();
        String[] midway = {null};
        GeneratedUpload upload = new GeneratedUpload("", count, StreamedImportApiTest::item, "").beforeRecord(n -> {
            if (n == 70_001) {
                midway[0] = awaitInserts(insertsBefore + 2L * 30_000);
            }
        });

        HttpResponse<String> response = post(ops, "/api/projects/" + projectId + "/items", "application/x-ndjson", () -> upload);

        assertEquals(200, response.statusCode(), response.body());
        JsonPath counts = JsonPath.from(response.body());
        assertEquals(count, counts.getInt("created"));
        assertEquals(count, counts.getInt("drafts"));
        assertNull(midway[0], midway[0]);
        assertTrue(upload.bytesRead() > 40_000_000, "the body was " + upload.bytesRead() + " bytes");
        assertEquals(new ItemImportApiTest.Rows(count, count, 0), ItemImportApiTest.Rows.of(projectId));
    }

    /**
     * The import route takes a body far past the 20 MiB other routes accept: 150 MiB of NDJSON, most
     * of it blank padding lines (which NDJSON skips), so the test stays quick.
     */
    @Test
    void anImportOfMoreThan100MiBIsAccepted() throws Exception {
        String ops = TestData.user("ops");
        long projectId = ItemImportApiTest.project(ops);
        String padding = " ".repeat(1024 * 1024 - 1) + "\n";
        GeneratedUpload upload = new GeneratedUpload(item(1) + item(2), 150, n -> padding, item(3));
        HttpResponse<String> response = post(ops, "/api/projects/" + projectId + "/items", "application/x-ndjson", () -> upload);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, JsonPath.from(response.body()).getInt("created"));
        assertTrue(upload.bytesRead() > 150L * 1024 * 1024);
    }

    /**
     * Every other route reads its body into memory, so it keeps the 20 MiB limit, declared or chunked.
     * The declared size is refused from the headers alone: the test sends no body and still gets the
     * 413 (a client busy sending one might see the server close before it reads the answer). The
     * chunked body is many short JSON fields, so Jackson's own 20 M-character
     * string limit does not refuse it first.
     */
    @Test
    void otherRoutesStillRefuseBodiesOver20MiB() throws Exception {
        String ops = TestData.user("ops");
        String declared = headersOnly(ops, "/api/projects", 21L * 1024 * 1024);
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
        assertTrue(declared.contains("application/problem+json"), declared);
        assertTrue(declared.contains("larger than 20 MiB"), declared);

        GeneratedUpload chunked = new GeneratedUpload("{\"name\":\"x\"", 40 * 1024,
                n -> ",\"unknown" + n + "\":\"" + "x".repeat(1000) + "\"", "}");
        try {
            HttpResponse<String> r = post(ops, "/api/projects", "application/json", () -> chunked);
            assertEquals(413, r.statusCode(), r.body());
        } catch (IOException closedWhileSending) {
            // also a refusal: the server answered 413 and closed the connection before the client was done
        }
        assertTrue(chunked.bytesRead() < 40L * 1024 * 1024, "the 40 MiB body was not taken whole: " + chunked.bytesRead());
        assertTrue(Api.as(ops).get("/api/projects").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class).stream().noneMatch(n -> n.startsWith("x")));
    }

    /**
     * A client that goes away mid-upload leaves nothing behind: the chunks stored so far roll back
     * with the transaction. The server's failed transaction is awaited (Hibernate counts it) before
     * the rows are counted, since uncommitted rows would be invisible anyway.
     */
    @Test
    void anUploadThatBreaksOffStoresNothing() throws Exception {
        String ops = TestData.user("ops");
        long projectId = ItemImportApiTest.project(ops);
        long failedBefore = failedTransactions();
        GeneratedUpload upload = new GeneratedUpload("", 10_000, StreamedImportApiTest::item, "").beforeRecord(n -> {
            if (n == 6_000) {
                throw new IOException("the client goes away");
            }
        });
        assertThrows(IOException.class, () -> post(ops, "/api/projects/" + projectId + "/items", "application/x-ndjson", () -> upload));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (failedTransactions() == failedBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(failedBefore + 1, failedTransactions(), "the import's transaction ended, rolled back");
        assertEquals(new ItemImportApiTest.Rows(0, 0, 0), ItemImportApiTest.Rows.of(projectId));
    }

    /**
     * Two imports of the same new externalIds at once: the second one's rows collide with the first one's
     * uncommitted rows. It waits on them or gives up (PostgreSQL blocks on the unique index, H2 times out on
     * the row lock), and either way the collision is the client's to retry, so it is a 409 problem naming
     * what happened, never a 500; the first import lands whole and nothing of the second is half-written.
     */
    @Test
    void aSecondImportOfTheSameNewItemsAtTheSameTimeIsA409AndTheFirstLandsWhole() throws Exception {
        String ops = TestData.user("ops");
        long projectId = ItemImportApiTest.project(ops);
        java.util.concurrent.CountDownLatch secondSent = new java.util.concurrent.CountDownLatch(1);
        GeneratedUpload first = new GeneratedUpload("", 1_000, StreamedImportApiTest::item, "").beforeRecord(n -> {
            if (n == 700) {
                try {
                    secondSent.await(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        java.util.concurrent.CompletableFuture<HttpResponse<String>> firstDone = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return post(ops, "/api/projects/" + projectId + "/items", "application/x-ndjson", () -> first);
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        String flushed = awaitInserts(inserts() + 2L * 500);
        assertNull(flushed, flushed);
        StringBuilder sameItems = new StringBuilder();
        for (int n = 1; n <= 10; n++) {
            sameItems.append(item(n));
        }
        java.util.concurrent.CompletableFuture<HttpResponse<String>> secondDone = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return post(ops, "/api/projects/" + projectId + "/items", "application/x-ndjson",
                                () -> new java.io.ByteArrayInputStream(sameItems.toString().getBytes(StandardCharsets.UTF_8)));
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        secondSent.countDown();

        HttpResponse<String> firstResponse = firstDone.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        HttpResponse<String> second = secondDone.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(200, firstResponse.statusCode(), firstResponse.body());
        assertEquals(1_000, JsonPath.from(firstResponse.body()).getInt("created"));
        assertEquals(409, second.statusCode(), second.body());
        assertTrue(second.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("urn:blindfold:problem:import-conflict", JsonPath.from(second.body()).getString("type"));
        assertEquals(new ItemImportApiTest.Rows(1_000, 1_000, 0), ItemImportApiTest.Rows.of(projectId));
    }

    /** One item, about 500 bytes, one draft. */
    static String item(int n) {
        return String.format("{\"externalId\":\"s%06d\",\"input\":\"Question %06d: %s\",\"drafts\":[{\"model\":\"m\","
                + "\"family\":\"f\",\"version\":\"1\",\"text\":\"Answer %06d: %s\"}]}\n", n, n, "q".repeat(200), n, "a".repeat(200));
    }

    private long failedTransactions() {
        return hibernate.getStatistics().getTransactionCount() - hibernate.getStatistics().getSuccessfulTransactionCount();
    }

    private long inserts() {
        return hibernate.getStatistics().getEntityInsertCount();
    }

    /** Null once the count is reached, else what went wrong (reported by the test, not thrown into the upload). */
    private String awaitInserts(long target) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (inserts() >= target) {
                return null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return "the server had stored " + inserts() + " rows (wanted " + target + ") " + PATIENCE.toSeconds()
                + " s after the upload paused: it is not storing while the body streams in";
    }

    /** Sends only the headers of a POST declaring {@code length} bytes and reads the answer till the server closes. */
    private String headersOnly(String user, String path, long length) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Basic " + credentials + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> post(String user, String path, String type, Supplier<InputStream> body) throws Exception {
        return send(request(user, path, type).POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    private HttpRequest.Builder request(String user, String path, String type) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", type).timeout(Duration.ofMinutes(2));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
