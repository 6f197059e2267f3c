package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.ChunkedGet;
import dev.blindfold.support.LegacyText;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import dev.blindfold.identity.User;
import dev.blindfold.support.BulkLabels;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An export that fails part-way never looks like success: the transfer is cut (HTTP/1.1 chunked without its final
 * chunk, so curl exits 18 and Java's HttpClient throws), no well-formed ending is written, and the manifest says
 * failed, when and why, with no rows, completion time or SHA-256. The failure here is a label stored before the API
 * refused lone surrogates, written with SQL ({@link LegacyText}), which no format can export faithfully.
 */
@QuarkusTest
class ExportFailureTest {

    private static final Pattern CLASS_NAMES = Pattern.compile("Exception|java\\.|dev\\.blindfold|com\\.fasterxml");

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    /** Two good labels, then one whose blind answer holds a lone surrogate. */
    private record Legacy(Fixture fixture, long assignment) {
    }

    private Legacy legacy(String taskType) throws Exception {
        Fixture f = TestData.project(taskType, null, 3, 1, 1, "REVEAL_AFTER_COMMIT");
        String annotator = f.annotator();
        for (int i = 0; i < 2; i++) {
            long aid = TestData.next(annotator, f.projectId());
            TestData.commit(annotator, aid, "A good answer " + i);
            TestData.keep(annotator, aid);
        }
        long bad = TestData.next(annotator, f.projectId());
        LegacyText.commit(dataSource, bad);
        return new Legacy(f, bad);
    }

    /**
     * Formats with a first line (CSV's header, Label Studio's opening bracket), and per-label formats whose good rows
     * come first, have sent their 200 when the bad label comes: the body is cut. Per-item formats regroup every label
     * before their first row, so they fail before any byte: the connection closes with no answer at all.
     */
    @ParameterizedTest
    @CsvSource({"format=jsonl, 200", "format=csv, 200", "format=trl, 200", "format=csv&gold=true, 200",
            "format=label-studio, 200", "format=jsonl&gold=true, -1", "format=openai-evals, -1"})
    void anExportThatFailsPartWayIsCutOffAndItsManifestSaysFailed(String query, int status) throws Exception {
        Legacy l = legacy("FREE_TEXT");
        ChunkedGet.Received r = ChunkedGet.get(base, l.fixture().ops(),
                "/api/projects/" + l.fixture().projectId() + "/export?" + query);
        assertEquals(status, r.status(), "-1: the connection closed before any answer");
        assertFalse(r.complete(), "the transfer must be cut, not ended: " + r.text());
        if (query.contains("label-studio")) {
            assertTrue(r.text().startsWith("["), r.text());
            assertFalse(r.text().strip().endsWith("]"), "a cut JSON array must not be closed: " + r.text());
        }
        String exportId = status == 200 ? r.header("X-Blindfold-Export-Id") : lastExport(l.fixture().projectId());
        assertNotNull(exportId);
        assertFailed(l, exportId);
    }

    private String lastExport(long projectId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM exports WHERE project_id = ? ORDER BY created_at DESC")) {
            s.setLong(1, projectId);
            ResultSet rs = s.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void javasHttpClientThrowsOnACutExport() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(cutExport(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
        assertThrows(IOException.class, () -> {
            try (InputStream in = response.body()) {
                in.readAllBytes();
            }
        });
    }

    /**
     * Over HTTP/2 (the JDK client's cleartext upgrade) the stream is reset instead. Depending on how far the upgrade
     * got when the export failed, the client's send or its read of the body fails; either way it never completes.
     */
    @Test
    void javasHttpClientThrowsOnACutExportOverHttp2() throws Exception {
        HttpRequest request = cutExport();
        assertThrows(IOException.class, () -> {
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            try (InputStream in = response.body()) {
                in.readAllBytes();
            }
        });
    }

    /** A CSV export of a project with a legacy label: its header goes out, then it fails. */
    private HttpRequest cutExport() throws Exception {
        Legacy l = legacy("FREE_TEXT");
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/api/projects/"
                        + l.fixture().projectId() + "/export?format=csv"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (l.fixture().ops() + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
    }

    /**
     * A client that hangs up mid-export leaves a failed export, not a complete one nor one streaming forever. The export
     * must be far larger than what the kernel buffers between the two ends (a send buffer grows to {@code tcp_wmem}'s
     * maximum, 4 MiB by default): 3,000 labels (4.4 MB of JSON lines) fitted often enough that the server finished writing before
     * the client hung up, and rightly recorded a complete export. 10,000 labels are 14.7 MB.
     */
    @Test
    void anExportTheClientHangsUpOnIsRecordedAsFailed() throws Exception {
        String ops = TestData.user("ops");
        long projectId = Api.as(ops).body(Map.of("name", TestData.unique("hangup"), "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        long annotatorId = QuarkusTransaction.requiringNew().call(() -> User.byUsername(annotator).orElseThrow().id);
        new BulkLabels(dataSource).write(projectId, List.of(annotatorId), 10_000, 1);
        String auth = Base64.getEncoder().encodeToString((ops + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.getOutputStream().write(("GET /api/projects/" + projectId + "/export?format=jsonl HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] some = socket.getInputStream().readNBytes(64 * 1024);
            assertEquals(64 * 1024, some.length);
            socket.setSoLinger(true, 0);
        }
        String exportId = lastExport(projectId);
        JsonPath m = null;
        for (int i = 0; i < 600; i++) {
            m = Api.as(ops).get("/api/exports/" + exportId).then().statusCode(200).extract().jsonPath();
            if (!"streaming".equals(m.getString("status"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("failed", m.getString("status"), m.prettify());
        assertTrue(m.getString("failure").contains("client closed the connection"), m.getString("failure"));
        assertNull(m.get("rows"));
        assertNull(m.get("sha256"));
    }

    @Test
    void aCompleteExportSaysSoInItsManifest() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "Fine answer 😀");
        ChunkedGet.Received r = ChunkedGet.get(base, f.ops(), "/api/projects/" + f.projectId() + "/export?format=label-studio");
        assertTrue(r.complete());
        assertTrue(r.text().strip().endsWith("]"), r.text());
        JsonPath m = Api.as(f.ops()).get("/api/exports/" + r.header("X-Blindfold-Export-Id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("complete", m.getString("status"));
        assertEquals(1, m.getInt("rows"));
        assertNotNull(m.getString("completedAt"));
        assertEquals(EventChainHex.sha256(r.body()), m.getString("sha256"));
        assertNull(m.get("failedAt"));
        assertNull(m.get("failure"));
    }

    private void assertFailed(Legacy l, String exportId) {
        JsonPath m = Api.as(l.fixture().ops()).get("/api/exports/" + exportId).then().statusCode(200).extract().jsonPath();
        assertEquals("failed", m.getString("status"), m.prettify());
        assertNull(m.get("rows"), "rows only for a complete export");
        assertNull(m.get("completedAt"), "completion time only for a complete export");
        assertNull(m.get("sha256"), "SHA-256 only for a complete export");
        assertNull(m.get("labelsByExposure"));
        assertNotNull(m.getString("failedAt"));
        String failure = m.getString("failure");
        assertTrue(failure.contains("not valid Unicode") && failure.contains("assignment " + l.assignment()), failure);
        assertFalse(CLASS_NAMES.matcher(failure).find(), failure);
    }

    /** SHA-256 hex of bytes, as manifests write it. */
    private static final class EventChainHex {
        static String sha256(byte[] bytes) {
            return dev.blindfold.provenance.chain.EventChain.sha256Hex(bytes);
        }
    }
}
