package dev.blindfold.overview;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The ops project page: progress per annotator, exposure counts, agreement, export links. */
@QuarkusTest
class OverviewPageTest {

    @Test
    void opsSeeProgressExposureCountsAgreementAndExportLinks() {
        Fixture f = TestData.freeText(2, 2, 2, "REVEAL_AFTER_COMMIT");
        long first = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), first, "answer one");
        Api.as(f.annotator()).get("/api/assignments/" + first + "/drafts").then().statusCode(200);
        TestData.keep(f.annotator(), first);
        long second = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), second, "answer two");

        String family = f.secrets().get(1);
        Api.as(f.ops()).accept("text/html").get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                .body(containsString(f.annotator() + "</td><td>2</td><td>2</td><td>1</td><td>0</td>"))
                .body(containsString(f.annotators().get(1) + "</td><td>0</td><td>0</td><td>0</td><td>0</td>"))
                .body(containsString("<code>blind_kept</code></td><td>1</td>"))
                .body(containsString("<code>blind_only</code></td><td>1</td>"))
                .body(containsString("0</strong> done, 2 partial"))
                .body(containsString("Krippendorff"))
                .body(containsString("export?format=jsonl&amp;excludeExposedTo=" + family))
                .body(containsString("id=\"export-form\""))
                .body(containsString("<option value=\"" + family + "\">"))
                .body(containsString("<option value=\"label-studio\">"))
                .body(containsString("Free text · overlap 2 · Reveal after commit ·"))
                .body(not(containsString("REVEAL_AFTER_COMMIT")));
        Api.as(f.auditor()).accept("text/html").get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                // an auditor cannot export: no form, export or gold links that would fail
                .body(not(containsString("id=\"export-form\"")))
                .body(not(containsString("/export?")))
                .body(not(containsString("/gold\"")))
                .body(not(containsString("export-page.js")))
                .body(containsString("id=\"exports-for-ops\""))
                .body(containsString("/api/projects/" + f.projectId() + "/agreement"));
        Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/agreement").then().statusCode(200);
    }

    @Test
    void annotatorsCannotOpenTheOverview() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.annotator()).accept("text/html").get("/projects/" + f.projectId() + "/overview").then().statusCode(403)
                .body(not(containsString(f.secrets().get(0))));
        Api.as(f.ops()).accept("text/html").get("/projects/987654/overview").then().statusCode(404);
    }

    /** Ops add an annotator from the overview; the API's rule holds (only annotator accounts), auditors cannot. */
    @Test
    void opsAddAnAnnotatorFromTheOverview() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        String annotator = TestData.user("annotator");
        dev.blindfold.support.Browser ops = dev.blindfold.support.Browser.signIn(f.ops());
        ops.page().get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                .body(containsString("id=\"add-member\""));
        ops.form().formParam("username", annotator).post("/projects/" + f.projectId() + "/members").then().statusCode(303)
                .header("Location", containsString("/projects/" + f.projectId() + "/overview?added=" + annotator));
        ops.page().get("/projects/" + f.projectId() + "/overview?added=" + annotator).then().statusCode(200)
                .body(containsString(annotator + " is a member of this project now."))
                .body(containsString("<tr><td>" + annotator + "</td>"));
        TestData.next(annotator, f.projectId());
        ops.form().formParam("username", f.ops()).post("/projects/" + f.projectId() + "/members").then().statusCode(400)
                .body(containsString("does not have the annotator role"));
        ops.form().formParam("username", "nobody-" + annotator).post("/projects/" + f.projectId() + "/members")
                .then().statusCode(400).body(containsString("No user named"));
        dev.blindfold.support.Browser auditor = dev.blindfold.support.Browser.signIn(f.auditor());
        auditor.page().get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                .body(not(containsString("id=\"add-member\"")));
        auditor.form().formParam("username", annotator).post("/projects/" + f.projectId() + "/members").then().statusCode(403);
    }
}
