package dev.blindfold.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Editing a project's guidelines makes a new version and keeps the old ones: through {@code PATCH /api/projects/{id}}
 * and the overview's form, listed by {@code GET /api/projects/{id}/guidelines}; an unchanged text, a refused one and a
 * closed project add nothing.
 */
@QuarkusTest
class GuidelinesVersionsApiTest {

    private static final String FIRST = "Answer well.";

    private static ValidatableResponse patch(String user, long projectId, Map<String, ?> body) {
        return Api.as(user).body(body).patch("/api/projects/" + projectId).then();
    }

    private static ValidatableResponse versions(String user, long projectId) {
        return Api.as(user).get("/api/projects/" + projectId + "/guidelines").then();
    }

    @Test
    void editingGuidelinesMakesVersionTwoAndKeepsVersionOne() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().statusCode(200).body("guidelinesVersion", equalTo(1));
        String editor = TestData.user("ops");
        patch(editor, f.projectId(), Map.of("guidelines", "Answer in **two** sentences.")).statusCode(200)
                .body("guidelinesVersion", equalTo(2)).body("guidelines", equalTo("Answer in **two** sentences."))
                .body("status", equalTo("ACTIVE")).body("name", not(equalTo(null)));
        versions(f.auditor(), f.projectId()).statusCode(200).body("$", hasSize(2))
                .body("[0].version", equalTo(2)).body("[0].createdBy", equalTo(editor))
                .body("[0].text", equalTo("Answer in **two** sentences.")).body("[0].createdAt", not(equalTo(null)))
                .body("[1].version", equalTo(1)).body("[1].createdBy", equalTo(f.ops())).body("[1].text", equalTo(FIRST));
        Api.as(f.annotator()).get("/api/projects/" + f.projectId()).then().statusCode(200)
                .body("guidelines", equalTo("Answer in **two** sentences.")).body("guidelinesVersion", equalTo(2));
    }

    @Test
    void theTextInForceChangesNothingEvenBesideAStatus() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        patch(f.ops(), f.projectId(), Map.of("guidelines", FIRST)).statusCode(200).body("guidelinesVersion", equalTo(1));
        patch(f.ops(), f.projectId(), Map.of("guidelines", FIRST, "status", "PAUSED")).statusCode(200)
                .body("guidelinesVersion", equalTo(1)).body("status", equalTo("PAUSED"));
        patch(f.ops(), f.projectId(), Map.of("guidelines", "Be brief.\nCite.", "status", "ACTIVE")).statusCode(200)
                .body("guidelinesVersion", equalTo(2)).body("status", equalTo("ACTIVE"));
        patch(f.ops(), f.projectId(), Map.of("guidelines", "Be brief.\r\nCite.")).statusCode(200)
                .body("guidelinesVersion", equalTo(2)).body("guidelines", equalTo("Be brief.\nCite."));
        versions(f.ops(), f.projectId()).statusCode(200).body("version", equalTo(List.of(2, 1)));
        patch(f.ops(), f.projectId(), Map.of()).statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-project")).body("detail", containsString("guidelines"));
    }

    @Test
    void guidelinesLongerThanTheLimitAreRefusedAndNothingIsWritten() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        patch(f.ops(), f.projectId(), Map.of("guidelines", "x".repeat(100_001), "status", "PAUSED")).statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-project"))
                .body("detail", containsString("100000")).body("status", equalTo(400));
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().body("guidelinesVersion", equalTo(1))
                .body("guidelines", equalTo(FIRST)).body("status", equalTo("ACTIVE"));
        versions(f.ops(), f.projectId()).body("$", hasSize(1));
        patch(f.ops(), f.projectId(), Map.of("guidelines", "x".repeat(100_000))).statusCode(200)
                .body("guidelinesVersion", equalTo(2));
    }

    @Test
    void aClosedProjectsGuidelinesCannotChange() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        patch(f.ops(), f.projectId(), Map.of("status", "CLOSED")).statusCode(200);
        patch(f.ops(), f.projectId(), Map.of("guidelines", "Too late.")).statusCode(409)
                .contentType("application/problem+json").body("type", containsString("project-closed"));
        patch(f.ops(), f.projectId(), Map.of("guidelines", FIRST)).statusCode(200).body("guidelinesVersion", equalTo(1));
        versions(f.ops(), f.projectId()).body("$", hasSize(1));
    }

    @Test
    void onlyStaffReadVersionsAndOnlyOpsEditUnknownProjectsAreNotFound() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        patch(f.annotator(), f.projectId(), Map.of("guidelines", "Mine now.")).statusCode(403);
        patch(f.auditor(), f.projectId(), Map.of("guidelines", "Mine now.")).statusCode(403);
        versions(f.annotator(), f.projectId()).statusCode(403).contentType("application/problem+json");
        versions(Api.ADMIN, f.projectId()).statusCode(200).body("$", hasSize(1));
        patch(f.ops(), 987_654_321L, Map.of("guidelines", "Nobody's.")).statusCode(404)
                .contentType("application/problem+json");
        versions(f.ops(), 987_654_321L).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void opsSaveGuidelinesFromTheOverviewAndAuditorsOnlySeeTheVersions() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Browser ops = Browser.signIn(f.ops());
        String overview = "/projects/" + f.projectId() + "/overview";
        ops.page().get(overview).then().statusCode(200).body(containsString("id=\"guidelines-form\""))
                .body(containsString(FIRST + "</textarea>"));
        ops.form().formParam("guidelines", "Cite the manual.\r\nBe brief.").post("/projects/" + f.projectId()
                + "/guidelines").then().statusCode(303).header("Location", containsString(overview + "?guidelines=saved"));
        ops.form().formParam("guidelines", "Cite the manual.\r\nBe brief.").post("/projects/" + f.projectId()
                + "/guidelines").then().statusCode(303).header("Location", containsString("guidelines=unchanged"));
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then()
                .body("guidelines", equalTo("Cite the manual.\nBe brief.")).body("guidelinesVersion", equalTo(2));
        String page = ops.page().get(overview + "?guidelines=saved").then().statusCode(200).extract().asString();
        assertEquals(1, count(page, "id=\"guidelines-saved\""), page);
        assertEquals(1, count(page, "<strong id=\"guidelines-version\">2</strong>"), page);
        assertEquals(2, count(page, "<tr data-version="), "both versions are listed");

        String audited = Browser.signIn(f.auditor()).page().get(overview).then().statusCode(200).extract().asString();
        assertEquals(0, count(audited, "guidelines-form"), "no edit form for an auditor");
        assertEquals(2, count(audited, "<tr data-version="), "an auditor sees the versions");
        ops.form().post("/projects/" + f.projectId() + "/guidelines").then().statusCode(400);
        Browser.signIn(f.auditor()).form().formParam("guidelines", "x").post("/projects/" + f.projectId() + "/guidelines")
                .then().statusCode(403);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
