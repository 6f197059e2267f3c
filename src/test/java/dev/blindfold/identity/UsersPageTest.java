package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The admin's users page: create with roles, change roles, deactivate (refused from the next request) and reactivate,
 * reset a password; the same rules as the API (an annotator holds no other role); admins only; CSRF guarded.
 */
@QuarkusTest
class UsersPageTest {

    private static RequestSpecification basic(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    @Test
    void anAdminRunsAccountsFromThePage() {
        Browser admin = Browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = TestData.unique("page-user").toLowerCase();
        admin.form().formParam("username", name).formParam("password", Api.PASSWORD).formParam("roles", "ops")
                .post("/users").then().statusCode(303).header("Location", containsString("/users?done=created"));
        admin.page().get("/users").then().statusCode(200).body(containsString("data-user=\"" + name + "\""));
        basic(name, Api.PASSWORD).get("/api/tokens").then().statusCode(200);
        long id = Api.as(Api.ADMIN).get("/api/users").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.username == '" + name + "' }.id");

        admin.form().formParam("roles", "ops").formParam("roles", "auditor").post("/users/" + id + "/roles")
                .then().statusCode(303);
        Api.as(Api.ADMIN).get("/api/users").then().statusCode(200)
                .body("find { it.username == '" + name + "' }.roles", org.hamcrest.Matchers.contains("ops", "auditor"));

        admin.form().formParam("active", "false").post("/users/" + id + "/active").then().statusCode(303);
        basic(name, Api.PASSWORD).get("/api/tokens").then().statusCode(401);
        admin.page().get("/users").then().body(containsString("deactivated"));
        admin.form().formParam("active", "true").post("/users/" + id + "/active").then().statusCode(303);
        basic(name, Api.PASSWORD).get("/api/tokens").then().statusCode(200);

        admin.form().formParam("password", "a-new-password-1").post("/users/" + id + "/password").then().statusCode(303);
        basic(name, Api.PASSWORD).get("/api/tokens").then().statusCode(401);
        basic(name, "a-new-password-1").get("/api/tokens").then().statusCode(200);
    }

    @Test
    void theApisRulesHoldOnThePageAndNothingIsHalfWritten() {
        Browser admin = Browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = TestData.unique("mixed").toLowerCase();
        admin.form().formParam("username", name).formParam("password", Api.PASSWORD).formParam("roles", "annotator")
                .formParam("roles", "ops").post("/users").then().statusCode(400)
                .body(containsString("annotator cannot be combined")).body(not(containsString("Exception")));
        admin.page().get("/users").then().statusCode(200).body(not(containsString("data-user=\"" + name + "\"")));
        admin.page().contentType(Browser.FORM).formParam("username", "forged").formParam("password", Api.PASSWORD)
                .formParam("roles", "ops").post("/users").then().statusCode(400);
    }

    @Test
    void onlyAdminsSeeThePage() {
        for (String role : new String[] {Roles.OPS, Roles.AUDITOR, Roles.ANNOTATOR}) {
            Browser someone = Browser.signIn(TestData.user(role));
            someone.page().get("/users").then().statusCode(403);
            someone.page().get("/").then().statusCode(200).body(not(containsString("id=\"users-link\"")));
        }
        Browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD).page().get("/").then().body(containsString("id=\"users-link\""));
    }

    /** Anyone signed in changes their own password on the account page; every session of theirs ends. */
    @Test
    void everyoneChangesTheirOwnPasswordOnTheAccountPage() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        Browser browser = Browser.signIn(annotator);
        browser.page().get("/account").then().statusCode(200).body(containsString("id=\"password-form\""));
        browser.form().formParam("currentPassword", "not-it").formParam("newPassword", "another-password-2")
                .post("/account/password").then().statusCode(400).body(not(containsString("Exception")));
        basic(annotator, Api.PASSWORD).get("/api/tokens").then().statusCode(200);
        browser.form().formParam("currentPassword", Api.PASSWORD).formParam("newPassword", "another-password-2")
                .post("/account/password").then().statusCode(303).header("Location", containsString("/login"));
        browser.page().get("/account").then().statusCode(303);
        basic(annotator, Api.PASSWORD).get("/api/tokens").then().statusCode(401);
        basic(annotator, "another-password-2").get("/api/tokens").then().statusCode(200);
    }
}
