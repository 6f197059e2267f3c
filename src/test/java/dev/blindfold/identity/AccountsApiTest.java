package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounts API: roles that keep blindness, one name whatever its case, changes and password resets. */
@QuarkusTest
class AccountsApiTest {

    private static Map<String, Object> newUser(String name, Object roles) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("username", name);
        body.put("password", Api.PASSWORD);
        body.put("roles", roles);
        return body;
    }

    @Test
    void annotatorCannotBeCombinedWithAnyOtherRole() {
        for (String other : List.of(Roles.OPS, Roles.AUDITOR, Roles.ADMIN)) {
            String name = TestData.unique("dual");
            Api.as(Api.ADMIN).body(newUser(name, List.of(Roles.ANNOTATOR, other))).post("/api/users")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:blindfold:problem:role-conflict"))
                    .body("detail", containsString("roles")).body("detail", containsString(other))
                    .body("detail", containsString("two accounts"));
            given().auth().preemptive().basic(name, Api.PASSWORD).get("/api/projects").then().statusCode(401);
        }
        Api.as(Api.ADMIN).body(newUser(TestData.unique("staff"), List.of(Roles.OPS, Roles.AUDITOR))).post("/api/users")
                .then().statusCode(201).body("roles", equalTo(List.of(Roles.OPS, Roles.AUDITOR)));
    }

    @Test
    void aNullOrMalformedRoleIsA400NamingRoles() {
        for (Object roles : Arrays.asList(Arrays.asList((Object) null), Arrays.asList(Roles.OPS, null), List.of(),
                List.of(""), List.of("OPS"))) {
            Api.as(Api.ADMIN).body(newUser(TestData.unique("nullrole"), roles)).post("/api/users")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("roles"));
        }
        String user = TestData.user(Roles.OPS);
        Api.as(Api.ADMIN).body("{\"roles\":[null]}").patch("/api/users/" + SessionsTest.id(user))
                .then().statusCode(400).body("detail", containsString("roles"));
    }

    @Test
    void usernamesDifferingOnlyInCaseAreOneName() {
        String name = TestData.unique("Mixed").replace("mixed", "MiXeD");
        Api.as(Api.ADMIN).body(newUser(name, List.of(Roles.ANNOTATOR))).post("/api/users").then().statusCode(201)
                .body("username", equalTo(name.toLowerCase()));
        Api.as(Api.ADMIN).body(newUser(name.toUpperCase(), List.of(Roles.ADMIN))).post("/api/users")
                .then().statusCode(409).body("type", equalTo("urn:blindfold:problem:username-taken"));
        Api.as(Api.ADMIN).body(newUser("ADMIN", List.of(Roles.ADMIN))).post("/api/users").then().statusCode(409);

        given().auth().preemptive().basic(name.toUpperCase(), Api.PASSWORD).get("/api/projects").then().statusCode(200);
        given().auth().preemptive().basic(Api.ADMIN.toUpperCase(), Api.ADMIN_PASSWORD).get("/api/users").then().statusCode(200);
        Browser.signIn(name.toUpperCase(), Api.PASSWORD);

        TestData.Fixture f = TestData.freeText(1, 0, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).body(Map.of("username", name.toUpperCase())).post("/api/projects/" + f.projectId() + "/members")
                .then().statusCode(201);
        Api.as(f.ops()).body(Map.of("username", name)).post("/api/projects/" + f.projectId() + "/members")
                .then().statusCode(200);
        long aid = TestData.next(name.toLowerCase(), f.projectId());
        TestData.commit(name.toLowerCase(), aid, "answer");
        TestData.keep(name.toLowerCase(), aid);
        String export = Api.as(f.ops()).queryParam("annotator", name.toUpperCase())
                .get("/api/projects/" + f.projectId() + "/export").then().statusCode(200).extract().asString();
        assertEquals(1, export.strip().split("\n").length, export);
    }

    @Test
    void adminsListChangeAndResetAccounts() {
        String user = TestData.user(Roles.AUDITOR);
        long id = SessionsTest.id(user);
        Api.as(Api.ADMIN).get("/api/users").then().statusCode(200).body("username", hasItem(user))
                .body("find { it.username == '" + user + "' }.roles", equalTo(List.of(Roles.AUDITOR)))
                .body("find { it.username == '" + user + "' }.active", equalTo(true))
                .body("password", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        Api.as(Api.ADMIN).body(Map.of("roles", List.of(Roles.OPS, Roles.AUDITOR))).patch("/api/users/" + id)
                .then().statusCode(200).body("roles", equalTo(List.of(Roles.OPS, Roles.AUDITOR)));
        Api.as(Api.ADMIN).body(Map.of()).patch("/api/users/" + id).then().statusCode(400);
        Api.as(Api.ADMIN).body(Map.of("active", false)).patch("/api/users/987654321").then().statusCode(404);
        Api.as(Api.ADMIN).body(Map.of("password", "short")).post("/api/users/" + id + "/password")
                .then().statusCode(400).body("detail", containsString("password"));
    }

    @Test
    void anAccountThatHeldAStaffRoleCannotBecomeAnAnnotator() {
        String user = TestData.user(Roles.OPS);
        Api.as(Api.ADMIN).body(Map.of("roles", List.of(Roles.ANNOTATOR))).patch("/api/users/" + SessionsTest.id(user))
                .then().statusCode(400).body("type", equalTo("urn:blindfold:problem:role-conflict"))
                .body("detail", containsString("roles"));
        String annotator = TestData.user(Roles.ANNOTATOR);
        Api.as(Api.ADMIN).body(Map.of("roles", List.of(Roles.ANNOTATOR, Roles.OPS)))
                .patch("/api/users/" + SessionsTest.id(annotator)).then().statusCode(400)
                .body("type", equalTo("urn:blindfold:problem:role-conflict"));
        Api.as(Api.ADMIN).body(Map.of("roles", List.of(Roles.OPS))).patch("/api/users/" + SessionsTest.id(annotator))
                .then().statusCode(200);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        long admin = SessionsTest.id(Api.ADMIN);
        List<String> others = Api.as(Api.ADMIN).get("/api/users").then().extract().jsonPath()
                .getList("findAll { it.active && it.roles.contains('admin') && it.username != 'admin' }.username");
        for (String other : others) {
            Api.as(Api.ADMIN).body(Map.of("active", false)).patch("/api/users/" + SessionsTest.id(other))
                    .then().statusCode(200);
        }
        Api.as(Api.ADMIN).body(Map.of("active", false)).patch("/api/users/" + admin).then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:last-admin"));
        Api.as(Api.ADMIN).body(Map.of("roles", List.of(Roles.OPS))).patch("/api/users/" + admin).then().statusCode(409);
        Api.as(Api.ADMIN).get("/api/users").then().statusCode(200);
        for (String other : others) {
            Api.as(Api.ADMIN).body(Map.of("active", true)).patch("/api/users/" + SessionsTest.id(other))
                    .then().statusCode(200);
        }
    }

    @Test
    void changingYourPasswordNeedsTheCurrentOne() {
        String user = TestData.user(Roles.AUDITOR);
        Api.as(user).body(Map.of("currentPassword", "not-my-password", "newPassword", "a-new-password"))
                .post("/api/me/password").then().statusCode(400).body("detail", containsString("currentPassword"));
        Api.as(user).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "short"))
                .post("/api/me/password").then().statusCode(400).body("detail", containsString("newPassword"));
        Api.as(user).get("/api/projects").then().statusCode(200);
    }
}
