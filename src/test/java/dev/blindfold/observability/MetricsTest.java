package dev.blindfold.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.ChunkedGet;
import dev.blindfold.support.LegacyText;
import dev.blindfold.support.RawHttp;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blindfold's own meters in /q/metrics move by exactly what happened, and only once it committed: idempotent
 * repeats and refused requests count nothing. Other tests share the app, so each test compares before and after.
 */
@QuarkusTest
class MetricsTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void blindLoopMetersCountNewRecordsOnlyOnceTheyCommit() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        String annotator = f.annotator();
        Scrape before = Scrape.now();

        long aid = TestData.next(annotator, f.projectId());
        TestData.commit(annotator, aid, "my own answer");
        TestData.commit(annotator, aid, "my own answer");
        Api.as(annotator).body(Map.of("answer", "a different answer")).post("/api/assignments/" + aid + "/blind")
                .then().statusCode(409);
        Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        List<Map<String, Object>> batch = List.of(Map.of("type", "PASTE", "data", Map.of("chars", 3)),
                Map.of("type", "FOCUS_LOST"));
        Api.as(annotator).body(batch).post("/api/assignments/" + aid + "/events").then().statusCode(202);
        TestData.keep(annotator, aid);
        TestData.keep(annotator, aid);

        long second = TestData.next(annotator, f.projectId());
        Api.as(annotator).get("/api/assignments/" + second + "/drafts").then().statusCode(409);
        Api.as(annotator).body(Map.of("reason", "unclear")).post("/api/assignments/" + second + "/skip")
                .then().statusCode(200);
        Api.as(annotator).body(Map.of("reason", "unclear")).post("/api/assignments/" + second + "/skip")
                .then().statusCode(200);

        Scrape after = Scrape.now();
        assertEquals(1, after.since(before, "blindfold_commits_total"), "one new blind answer, not the repeat or the 409");
        assertEquals(1, after.since(before, "blindfold_commit_seconds_count"));
        assertEquals(1, after.since(before, "blindfold_reveals_total", "repeat", "false"));
        assertEquals(1, after.since(before, "blindfold_reveals_total", "repeat", "true"));
        assertEquals(1, after.since(before, "blindfold_finals_total", "decision", "keep"));
        assertEquals(1, after.since(before, "blindfold_finals_total"));
        assertEquals(1, after.since(before, "blindfold_skips_total"));
        assertEquals(2, after.since(before, "blindfold_events_total", "source", "client"));
        assertEquals(1, after.since(before, "blindfold_events_total", "source", "client", "type", "PASTE"));
        assertEquals(2, after.since(before, "blindfold_events_total", "type", "ITEM_SHOWN"));
        assertEquals(1, after.since(before, "blindfold_events_total", "type", "BLIND_COMMITTED"));
        assertEquals(2, after.since(before, "blindfold_events_total", "type", "DRAFTS_REVEALED"));
        assertEquals(1, after.since(before, "blindfold_events_total", "type", "FINAL_SAVED"));
        assertEquals(1, after.since(before, "blindfold_events_total", "type", "SKIPPED"));
        assertEquals(9, after.since(before, "blindfold_events_total"));
        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "already-committed", "status", "409"));
        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "not-committed", "status", "409"));
        assertEquals(2, after.since(before, "blindfold_problems_total"));
    }

    @Test
    void exportsVerificationsAndBundlesAreCounted() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        for (int i = 0; i < 2; i++) {
            long aid = TestData.next(f.annotator(), f.projectId());
            TestData.commit(f.annotator(), aid, "answer " + i);
            TestData.keep(f.annotator(), aid);
        }
        Scrape before = Scrape.now();
        Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=jsonl").then().statusCode(200);
        Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=csv").then().statusCode(200);
        Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(true));
        Scrape exported = Scrape.now();
        Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/bundle").then().statusCode(200);
        Scrape after = Scrape.now();

        assertEquals(1, exported.since(before, "blindfold_exports_total", "format", "jsonl"));
        assertEquals(2, exported.since(before, "blindfold_export_rows_total", "format", "jsonl"));
        assertEquals(1, exported.since(before, "blindfold_exports_total", "format", "csv"));
        assertEquals(2, exported.since(before, "blindfold_export_rows_total", "format", "csv"));
        assertEquals(2, exported.since(before, "blindfold_export_seconds_count"));
        assertEquals(1, exported.since(before, "blindfold_verify_runs_total", "result", "ok"));
        assertEquals(0, exported.since(before, "blindfold_verify_runs_total", "result", "broken"));
        assertEquals(1, exported.since(before, "blindfold_verify_seconds_count", "result", "ok"));
        assertEquals(1, after.since(exported, "blindfold_bundles_total"));
        assertEquals(1, after.since(exported, "blindfold_exports_total", "format", "jsonl"), "a bundle's labels file is an export");
    }

    @Test
    void aFailedExportIsCountedAsFailedNotAsExported() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        LegacyText.commit(dataSource, TestData.next(f.annotator(), f.projectId()));
        Scrape before = Scrape.now();
        ChunkedGet.Received r = ChunkedGet.get(base, f.ops(), "/api/projects/" + f.projectId() + "/export?format=csv");
        assertFalse(r.complete());
        Scrape after = Scrape.now();
        assertEquals(1, after.since(before, "blindfold_exports_failed_total", "format", "csv"));
        assertEquals(0, after.since(before, "blindfold_exports_total"));
        assertEquals(0, after.since(before, "blindfold_export_rows_total"));
    }

    @Test
    void problemResponsesAreCountedBySlugAndStatus() throws Exception {
        String annotator = TestData.user("annotator");
        Scrape before = Scrape.now();
        Api.as(annotator).post("/api/assignments/987654/blind").then().statusCode(400);
        Api.as(annotator).get("/api/projects/987654").then().statusCode(404);
        Api.as(annotator).get("/api/no-such-route").then().statusCode(404);
        Api.anonymous().get("/api/projects").then().statusCode(401);
        Api.as(annotator).body(Map.of("name", "x", "taskType", "FREE_TEXT")).post("/api/projects").then().statusCode(403);
        assertEquals(413, RawHttp.declaredTooLarge(base, "/api/projects").status());
        Scrape after = Scrape.now();

        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "invalid-request", "status", "400"));
        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "not-found", "status", "404"));
        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "http-404", "status", "404"));
        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "unauthenticated", "status", "401"));
        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "forbidden", "status", "403"));
        assertEquals(1, after.since(before, "blindfold_problems_total", "type", "too-large", "status", "413"));
        assertEquals(6, after.since(before, "blindfold_problems_total"));
    }

    @Test
    void httpTimingsAreByRouteTemplateNotById() {
        String ops = TestData.user("ops");
        Api.as(ops).get("/api/projects/987601").then().statusCode(404);
        Api.as(ops).get("/api/projects/987602").then().statusCode(404);
        Scrape scrape = Scrape.now();
        assertTrue(scrape.value("http_server_requests_seconds_count", "uri", "/api/projects/{id}", "status", "404") >= 2);
        assertFalse(scrape.text().contains("987601"), "no series per id");
    }

    @Test
    void everyOwnMeterHasADescription() {
        String text = Scrape.now().text();
        for (String name : List.of("blindfold_commits_total", "blindfold_commit_seconds", "blindfold_reveals_total",
                "blindfold_finals_total", "blindfold_skips_total", "blindfold_events_total", "blindfold_exports_total",
                "blindfold_export_rows_total", "blindfold_export_seconds", "blindfold_verify_runs_total",
                "blindfold_verify_seconds", "blindfold_bundles_total", "blindfold_exports_failed_total")) {
            String base = name.replaceFirst("_total$", "");
            assertTrue(text.matches("(?s).*# HELP " + base + "(_total)? \\S.*"), name + " has a HELP line");
        }
    }
}
