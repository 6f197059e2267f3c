package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Personal API tokens for scripts: created with Basic, sent as Bearer, the owner's roles, revocable, stored hashed. */
@QuarkusTest
class ApiTokenApiTest {

    @Inject
    AgroalDataSource dataSource;

    private record Created(long id, String token) {
    }

    private static Created create(String username, String name) {
        Response r = Api.as(username).body(Map.of("name", name)).post("/api/tokens");
        r.then().statusCode(201).contentType(ContentType.JSON)
                .body("name", equalTo(name)).body("token", matchesPattern("bf_[A-Za-z0-9_-]{43}"));
        assertEquals(Set.of("id", "name", "token"), r.jsonPath().getMap("$").keySet());
        return new Created(r.jsonPath().getLong("id"), r.jsonPath().getString("token"));
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .redirects().follow(false).log().ifValidationFails(LogDetail.ALL);
    }

    private static void assertUnauthenticated(ValidatableResponse r) {
        r.statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("type", equalTo("urn:blindfold:problem:unauthenticated"))
                .body("detail", notNullValue())
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void aTokenCreatedWithBasicAuthenticatesItsOwnerAsBearer() {
        TestData.Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Created token = create(f.annotator(), "my script");
        List<Long> viaBasic = Api.as(f.annotator()).get("/api/projects").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        List<Long> viaToken = bearer(token.token()).get("/api/projects").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertEquals(List.of(f.projectId()), viaToken, "the token sees exactly its owner's projects");
        assertEquals(viaBasic, viaToken);
        bearer(token.token()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(200)
                .body("assignmentId", notNullValue());
    }

    @Test
    void aTokenCarriesItsOwnersRolesAndNoOthers() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        String annotatorToken = create(annotator, "labeling bot").token();
        bearer(annotatorToken).body(Map.of("name", TestData.unique("project"), "taskType", "FREE_TEXT"))
                .post("/api/projects").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        bearer(annotatorToken).body(Map.of("username", TestData.unique("u"), "password", Api.PASSWORD,
                "roles", List.of(Roles.ADMIN))).post("/api/users").then().statusCode(403);

        String ops = TestData.user(Roles.OPS);
        String opsToken = create(ops, "import job").token();
        bearer(opsToken).body(Map.of("name", TestData.unique("project"), "taskType", "FREE_TEXT"))
                .post("/api/projects").then().statusCode(201);
        bearer(opsToken).get("/api/projects/987654321/next").then().statusCode(403);
    }

    @Test
    void aWrongOrMalformedTokenIsAnUnauthenticatedProblem() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        String real = create(annotator, "real").token();
        String wrongLastChar = real.substring(0, real.length() - 1) + (real.endsWith("A") ? "B" : "A");
        for (String wrong : List.of(TokenSecrets.generate(), wrongLastChar, "not-a-token", "", real + " extra")) {
            assertUnauthenticated(bearer(wrong).get("/api/projects").then());
            assertUnauthenticated(bearer(wrong).get("/api/tokens").then());
        }
        Response page = bearer(TokenSecrets.generate()).accept(ContentType.HTML).get("/");
        assertEquals(303, page.statusCode(), "a page with a bad token sends to sign-in");
        assertEquals("/login", URI.create(page.getHeader("Location")).getPath());
        bearer(real).get("/api/projects").then().statusCode(200);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        String auditor = TestData.user(Roles.AUDITOR);
        Created token = create(auditor, "short-lived");
        bearer(token.token()).get("/api/projects").then().statusCode(200);

        Api.as(auditor).delete("/api/tokens/" + token.id()).then().statusCode(204);

        assertUnauthenticated(bearer(token.token()).get("/api/projects").then());
        Api.as(auditor).get("/api/tokens").then().statusCode(200)
                .body("find { it.id == " + token.id() + " }.revokedAt", notNullValue());
        Api.as(auditor).delete("/api/tokens/" + token.id()).then().statusCode(204);
        assertUnauthenticated(bearer(token.token()).get("/api/projects").then());
    }

    @Test
    void theListShowsOnlyYourTokensAndNeverTheSecretOrItsHash() throws Exception {
        String ops = TestData.user(Roles.OPS);
        Created first = create(ops, "first");
        Created second = create(ops, "second");
        Created someoneElses = create(TestData.user(Roles.OPS), "not yours");
        bearer(first.token()).get("/api/projects").then().statusCode(200);

        Response list = Api.as(ops).get("/api/tokens");
        list.then().statusCode(200).contentType(ContentType.JSON);
        List<Map<String, Object>> rows = list.jsonPath().getList("$");
        assertEquals(List.of(second.id(), first.id()), list.jsonPath().getList("id", Long.class), "newest first, only mine");
        for (Map<String, Object> row : rows) {
            assertEquals(Set.of("id", "name", "prefix", "createdAt", "lastUsedAt", "revokedAt"), row.keySet());
        }
        list.then().body("find { it.id == " + first.id() + " }.prefix", equalTo(first.token().substring(0, 11)))
                .body("find { it.id == " + first.id() + " }.lastUsedAt", notNullValue())
                .body("find { it.id == " + second.id() + " }.lastUsedAt", nullValue())
                .body("find { it.id == " + second.id() + " }.revokedAt", nullValue());
        String body = list.asString();
        for (Created c : List.of(first, second, someoneElses)) {
            assertFalse(body.contains(c.token()), "the list carries a secret");
            assertFalse(body.contains(c.token().substring(11)), "the list carries the secret's hidden part");
            assertFalse(body.contains(sha256(c.token())), "the list carries a hash");
        }
        assertFalse(body.contains("not yours"));
    }

    @Test
    void someoneElsesTokenCannotBeRevokedAndKeepsWorking() {
        String owner = TestData.user(Roles.ANNOTATOR);
        Created token = create(owner, "mine");
        String other = TestData.user(Roles.ADMIN);
        Api.as(other).delete("/api/tokens/" + token.id()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Api.as(other).delete("/api/tokens/987654321").then().statusCode(404);
        bearer(token.token()).get("/api/projects").then().statusCode(200);
    }

    @Test
    void theDatabaseKeepsOnlyTheSha256OfTheSecret() throws Exception {
        String annotator = TestData.user(Roles.ANNOTATOR);
        Created token = create(annotator, "stored");
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select * from api_tokens where id = ?")) {
            q.setLong(1, token.id());
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next(), "the token has a row");
                assertEquals(sha256(token.token()), row.getString("token_hash"));
                assertEquals(token.token().substring(0, 11), row.getString("prefix"));
                String hidden = token.token().substring(11);
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    String value = row.getString(i);
                    String column = row.getMetaData().getColumnName(i);
                    assertFalse(value != null && value.contains(hidden), column + " holds the secret");
                }
            }
        }
    }

    @Test
    void aTokenCannotCreateTokensButMayListAndRevokeThem() {
        String ops = TestData.user(Roles.OPS);
        Created token = create(ops, "script");
        bearer(token.token()).body(Map.of("name", "successor")).post("/api/tokens").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:blindfold:problem:token-cannot-create-token"));
        bearer(token.token()).get("/api/tokens").then().statusCode(200).body("size()", equalTo(1));
        bearer(token.token()).delete("/api/tokens/" + token.id()).then().statusCode(204);
        assertUnauthenticated(bearer(token.token()).get("/api/tokens").then());
    }

    @Test
    void aTokenNeedsANameOfAtMostAHundredCharacters() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        for (Object body : List.of(Map.of("name", "  "), Map.of("name", "x".repeat(101)), Map.of())) {
            Api.as(annotator).body(body).post("/api/tokens").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("name"));
        }
        Api.as(annotator).get("/api/tokens").then().statusCode(200).body("size()", equalTo(0));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
