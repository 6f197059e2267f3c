package dev.blindfold.labeling;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Removing an annotator: their unanswered item goes back to the pool (logged, with who removed them), their committed
 * answers stay untouched and can still be finished, they get nothing new, and adding them back restores their place.
 */
@QuarkusTest
class MemberRemovalTest {

    private static JsonPath remove(String ops, long projectId, String username, int expected) {
        return Api.as(ops).delete("/api/projects/" + projectId + "/members/" + username).then().statusCode(expected)
                .extract().jsonPath();
    }

    @Test
    void removingReleasesTheOpenItemButNotACommittedAnswer() {
        Fixture f = TestData.freeText(3, 2, 1, "REVEAL_AFTER_COMMIT");
        String ana = f.annotators().get(0);
        String ben = f.annotators().get(1);
        long committed = TestData.next(ana, f.projectId());
        TestData.commit(ana, committed, "ana's blind answer");
        long open = TestData.next(ben, f.projectId());

        JsonPath anaGone = remove(f.ops(), f.projectId(), ana, 200);
        assertEquals(0, anaGone.getInt("releasedAssignments"), "a committed answer is never released");
        JsonPath benGone = remove(f.ops(), f.projectId(), ben, 200);
        assertEquals(1, benGone.getInt("releasedAssignments"));
        assertEquals(true, benGone.getBoolean("removed"));
        assertFalse(remove(f.ops(), f.projectId(), ben, 200).getBoolean("removed"), "removing twice changes nothing");

        List<Map<String, Object>> events = Api.as(f.auditor()).get("/api/assignments/" + open + "/events").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.type == 'RELEASED' }.data");
        assertEquals(List.of(Map.of("reason", "member-removed", "removedBy", f.ops(), "reservedUntil",
                events.get(0).get("reservedUntil"))), events);
        assertFalse(TestData.eventTypes(f.ops(), committed).contains("RELEASED"));

        Api.as(ben).get("/api/projects/" + f.projectId() + "/next").then().statusCode(404);
        Api.as(ben).get("/api/projects/" + f.projectId()).then().statusCode(404);
        Api.as(ben).get("/api/projects").then().statusCode(200).body("id", not(hasItem((int) f.projectId())));
        Api.as(ben).body(Map.of("answer", "late")).post("/api/assignments/" + open + "/blind").then().statusCode(409)
                .body("type", containsString("reservation-expired"));

        Api.as(ana).get("/api/assignments/" + committed + "/drafts").then().statusCode(200);
        TestData.keep(ana, committed);

        Api.as(f.ops()).body(Map.of("username", ben)).post("/api/projects/" + f.projectId() + "/members").then()
                .statusCode(201);
        long again = TestData.next(ben, f.projectId());
        assertFalse(again == open, "back in the project, ben gets a new assignment");
    }

    @Test
    void onlyOpsRemoveAndMistakesAreClear() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        String ana = f.annotators().get(0);
        remove(ana, f.projectId(), ana, 403);
        remove(f.auditor(), f.projectId(), ana, 403);
        Api.as(f.ops()).delete("/api/projects/" + f.projectId() + "/members/nobody-" + System.nanoTime()).then()
                .statusCode(404).contentType(containsString("problem+json"));
        Api.as(f.ops()).delete("/api/projects/99999999/members/" + ana).then().statusCode(404);
        remove(f.ops(), f.projectId(), f.auditor(), 404);
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().body("id", equalTo((int) f.projectId()));
    }

    @Test
    void opsRemoveFromTheOverview() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        String ana = f.annotators().get(0);
        TestData.next(ana, f.projectId());
        Browser ops = Browser.signIn(f.ops());
        ops.page().get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                .body(containsString("id=\"remove-" + ana + "\""));
        ops.form().formParam("username", ana).post("/projects/" + f.projectId() + "/members/remove").then()
                .statusCode(303).header("Location", containsString("released=1"));
        ops.page().get("/projects/" + f.projectId() + "/overview?removed=" + ana + "&released=1").then().statusCode(200)
                .body(containsString("is no longer a member")).body(containsString("(removed)"))
                .body(not(containsString("id=\"remove-" + ana + "\"")));
        Browser.signIn(ana).page().get("/").then().statusCode(200).body(not(containsString("/projects/"
                + f.projectId() + "/next")));
        Browser.signIn(f.auditor()).page().get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                .body(not(containsString("remove-member")));
    }
}
