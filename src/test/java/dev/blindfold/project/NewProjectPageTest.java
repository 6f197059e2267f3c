package dev.blindfold.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Ops create a project from the form, with a preview of the guidelines; the API's rules hold; only ops and admins. */
@QuarkusTest
class NewProjectPageTest {

    @Test
    void opsPreviewTheGuidelinesAndCreateACategoricalProject() {
        Browser ops = Browser.signIn(TestData.user("ops"));
        ops.page().get("/").then().statusCode(200).body(containsString("id=\"new-project-link\""));
        ops.page().get("/projects/new").then().statusCode(200).body(containsString("id=\"new-project\""));
        String name = TestData.unique("form project");
        ops.form().formParam("action", "preview").formParam("name", name).formParam("taskType", "CATEGORICAL")
                .formParam("labels", "spam\nham\n").formParam("overlap", "2").formParam("revealPolicy", "REVEAL_AFTER_COMMIT")
                .formParam("guidelines", "Pick **one** label.\n\n<script>x()</script>").post("/projects/new").then()
                .statusCode(200).body(containsString("<strong>one</strong>"))
                .body(containsString("&lt;script&gt;x()&lt;/script&gt;")).body(not(containsString("<script>x()")))
                .body(containsString("value=\"" + name + "\""));
        Response created = ops.form().formParam("action", "create").formParam("name", name).formParam("taskType", "CATEGORICAL")
                .formParam("labels", "spam\nham\n").formParam("overlap", "2").formParam("revealPolicy", "REVEAL_AFTER_COMMIT")
                .formParam("guidelines", "Pick **one** label.").post("/projects/new");
        created.then().statusCode(303).header("Location", containsString("/overview"));
        long id = Long.parseLong(created.getHeader("Location").replaceAll(".*/projects/(\\d+)/overview.*", "$1"));
        Api.as(Api.ADMIN).get("/api/projects/" + id).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo(name))
                .body("taskType", org.hamcrest.Matchers.equalTo("CATEGORICAL")).body("overlap", org.hamcrest.Matchers.equalTo(2))
                .body("labels", org.hamcrest.Matchers.contains("spam", "ham"));
    }

    @Test
    void aCategoricalProjectShufflesItsLabelsUnlessOpsKeepTheirOrderForAnOrdinalScale() {
        Browser ops = Browser.signIn(TestData.user("ops"));
        ops.page().get("/projects/new").then().statusCode(200)
                .body(containsString("name=\"fixedLabelOrder\" id=\"project-fixed-label-order\""));
        long shuffled = create(ops, null);
        long fixed = create(ops, "on");
        Api.as(Api.ADMIN).get("/api/projects/" + shuffled).then().statusCode(200)
                .body("labelOrder", org.hamcrest.Matchers.equalTo("SHUFFLED"));
        Api.as(Api.ADMIN).get("/api/projects/" + fixed).then().statusCode(200)
                .body("labelOrder", org.hamcrest.Matchers.equalTo("FIXED"))
                .body("labels", org.hamcrest.Matchers.contains("1 poor", "2 fair", "3 good"));
        ops.page().get("/projects/" + shuffled + "/overview").then().statusCode(200)
                .body(containsString("in a random order drawn"))
                .body(containsString("(derived from the guidelines' length)"));
        ops.page().get("/projects/" + fixed + "/overview").then().statusCode(200)
                .body(containsString("in the project's order (fixed, for an ordinal scale)"));
    }

    private static long create(Browser ops, String fixedLabelOrder) {
        var form = ops.form().formParam("action", "create").formParam("name", TestData.unique("scale"))
                .formParam("taskType", "CATEGORICAL").formParam("labels", "1 poor\n2 fair\n3 good")
                .formParam("overlap", "1").formParam("revealPolicy", "REVEAL_AFTER_COMMIT").formParam("guidelines", "Rate it.");
        if (fixedLabelOrder != null) {
            form = form.formParam("fixedLabelOrder", fixedLabelOrder);
        }
        Response created = form.post("/projects/new");
        created.then().statusCode(303);
        return Long.parseLong(created.getHeader("Location").replaceAll(".*/projects/(\\d+)/overview.*", "$1"));
    }

    @Test
    void badInputIsAProblemAndNothingIsCreated() {
        Browser ops = Browser.signIn(TestData.user("ops"));
        String name = TestData.unique("bad form");
        ops.form().formParam("action", "create").formParam("name", name).formParam("taskType", "CATEGORICAL")
                .formParam("labels", "only-one").post("/projects/new").then().statusCode(400)
                .body(containsString("at least two labels")).body(not(containsString("Exception")));
        ops.form().formParam("action", "create").formParam("name", name).formParam("taskType", "NOPE")
                .post("/projects/new").then().statusCode(400).body(containsString("taskType must be one of"));
        ops.form().formParam("action", "create").formParam("name", name).formParam("taskType", "FREE_TEXT")
                .formParam("overlap", "two").post("/projects/new").then().statusCode(400)
                .body(containsString("overlap must be a whole number"));
        Api.as(Api.ADMIN).get("/api/projects").then().statusCode(200).body(not(containsString(name)));
    }

    @Test
    void onlyOpsAndAdminsCreateProjects() {
        for (String role : new String[] {"annotator", "auditor"}) {
            Browser someone = Browser.signIn(TestData.user(role));
            someone.page().get("/projects/new").then().statusCode(403);
            someone.form().formParam("action", "create").formParam("name", "x").formParam("taskType", "FREE_TEXT")
                    .post("/projects/new").then().statusCode(403);
        }
    }
}
