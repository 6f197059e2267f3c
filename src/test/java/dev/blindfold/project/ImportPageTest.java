package dev.blindfold.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The ops import page as HTML: its form, its limit and script, and the overview's link to it. */
@QuarkusTest
class ImportPageTest {

    @Test
    void opsGetTheImportFormWithTheLimitAndTheOverviewLinksToIt() {
        String ops = TestData.user("ops");
        long projectId = ItemImportApiTest.project(ops);
        Api.as(ops).accept("text/html").get("/projects/" + projectId + "/import").then().statusCode(200)
                .body(containsString("id=\"import-file\""))
                .body(containsString("accept=\".ndjson,.jsonl,.csv,.json\""))
                .body(containsString("data-max-bytes=\"" + 1024L * 1024 * 1024 + "\""))
                .body(containsString("Files up to 1 GiB."))
                .body(containsString("<script type=\"module\" src=\"/js/import-page.js\"></script>"));
        Api.as(ops).accept("text/html").get("/projects/" + projectId + "/overview").then().statusCode(200)
                .body(containsString("href=\"/projects/" + projectId + "/import\">Import items</a>"));
        Api.as(TestData.user("auditor")).accept("text/html").get("/projects/" + projectId + "/overview").then()
                .statusCode(200).body(not(containsString("/import\"")));
        Api.as(ops).accept("text/html").get("/projects/987654321/import").then().statusCode(404);
    }

    @Test
    void theLimitIsStatedReadably() {
        assertEquals("1 GiB", ImportPage.readable(1024L * 1024 * 1024));
        assertEquals("200 MiB", ImportPage.readable(200L * 1024 * 1024));
    }
}
