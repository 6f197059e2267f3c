package dev.blindfold.golditems;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label ops run gold items from the overview as the API does: mark an item with its known answer, make it regular
 * again with a blank one, set the rate and the qualification; a bad value is a 400 error page that says what is
 * wrong and changes nothing, an item already handed out a 409, and only ops and admins see or use the forms.
 */
@QuarkusTest
class GoldFormTest {

    @Inject
    EntityManager em;

    @Test
    void opsMarkUnmarkAndSetTheGoldSettingsFromTheOverview() {
        var f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        List<String> items = externalIds(f.projectId());
        Browser ops = Browser.signIn(f.ops());
        String overview = "/projects/" + f.projectId() + "/overview";
        ops.page().get(overview).then().statusCode(200).body(containsString("id=\"gold-item-form\""))
                .body(containsString("0 gold items"));

        ops.form().formParam("externalId", items.get(0)).formParam("answer", "The known reply.")
                .post("/projects/" + f.projectId() + "/gold/items").then().statusCode(303)
                .header("Location", containsString(overview));
        assertEquals(1, goldItems(f));
        ops.page().get(overview).then().statusCode(200).body(containsString("1 gold item "));
        ops.form().formParam("externalId", items.get(0)).formParam("answer", "")
                .post("/projects/" + f.projectId() + "/gold/items").then().statusCode(303);
        assertEquals(0, goldItems(f));
        ops.form().formParam("externalId", "no-such-item").formParam("answer", "x")
                .post("/projects/" + f.projectId() + "/gold/items").then().statusCode(404);
        ops.form().formParam("answer", "x").post("/projects/" + f.projectId() + "/gold/items").then().statusCode(400)
                .body(containsString("externalId is required"));

        ops.form().formParam("goldRate", "0.25").formParam("qualificationItems", "3")
                .formParam("qualificationAccuracy", "0.9").post("/projects/" + f.projectId() + "/gold/settings")
                .then().statusCode(303);
        JsonPath project = project(f);
        assertEquals(0.25, project.getDouble("goldRate"));
        assertEquals(3, project.getInt("qualificationItems"));
        assertEquals(0.9, project.getDouble("qualificationAccuracy"));
        for (String[] bad : List.of(new String[] {"goldRate", "1.5"}, new String[] {"goldRate", "lots"},
                new String[] {"qualificationItems", "2.5"}, new String[] {"qualificationItems", "1001"},
                new String[] {"qualificationAccuracy", "-0.1"})) {
            ops.form().formParam(bad[0], bad[1])
                    .post("/projects/" + f.projectId() + "/gold/settings").then().statusCode(400)
                    .body(containsString(bad[0] + " must be"));
        }
        assertEquals(0.25, project(f).getDouble("goldRate"), "a refused form changes nothing");

        String next = "/api/projects/" + f.projectId() + "/next";
        Api.as(f.annotator()).get(next).then().statusCode(409)
                .body("type", containsString("qualification-unavailable"));
        ops.form().formParam("externalId", items.get(1)).formParam("answer", "The known reply.")
                .post("/projects/" + f.projectId() + "/gold/items").then().statusCode(303);
        String handed = Api.as(f.annotator()).get(next).then().statusCode(200).extract().jsonPath()
                .getString("item.externalId");
        assertEquals(items.get(1), handed, "a qualification with no gold yet decides nothing: the gold item comes");
        ops.form().formParam("externalId", handed).formParam("answer", "")
                .post("/projects/" + f.projectId() + "/gold/items").then().statusCode(409)
                .body(containsString("has already been handed"));

        Browser auditor = Browser.signIn(f.auditor());
        auditor.page().get(overview).then().statusCode(200).body(containsString("id=\"gold-settings\""))
                .body(org.hamcrest.Matchers.not(containsString("id=\"gold-item-form\"")));
        auditor.form().formParam("goldRate", "0").post("/projects/" + f.projectId() + "/gold/settings").then()
                .statusCode(403);
        assertEquals(0.25, project(f).getDouble("goldRate"));
    }

    private static JsonPath project(TestData.Fixture f) {
        return Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().statusCode(200).extract().jsonPath();
    }

    private static int goldItems(TestData.Fixture f) {
        return Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/gold-accuracy").then().statusCode(200)
                .extract().jsonPath().getInt("goldItems");
    }

    @SuppressWarnings("unchecked")
    private List<String> externalIds(long projectId) {
        return em.createNativeQuery("SELECT external_id FROM items WHERE project_id = ?1 ORDER BY id")
                .setParameter(1, projectId).getResultList();
    }
}
