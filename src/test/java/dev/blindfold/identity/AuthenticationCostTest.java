package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * What authenticating a request costs the database, counted by Hibernate's statistics (on in the test profile):
 * a token or a session is one SELECT (joined with its user and roles), the rest of the request does not load the user
 * again, and last_used_at / last_seen_at is written only when it moved by more than its step. The route is
 * {@code GET /api/tokens}, whose own work is one SELECT (the caller's tokens), so a request costs 2 statements.
 */
@QuarkusTest
class AuthenticationCostTest {

    /** Statements of {@code GET /api/tokens} besides authentication: the list of the caller's tokens. */
    private static final long ROUTE_STATEMENTS = 1;

    @Inject
    SessionFactory hibernate;

    @Inject
    AgroalDataSource dataSource;

    /** What one request did to the database. */
    private record Cost(long statements, long updates, long transactions) {
    }

    @Test
    void aTokenRequestIsOneQueryAndWritesLastUsedOnlyOncePerStep() throws SQLException {
        String user = TestData.user(Roles.ANNOTATOR);
        String token = Api.as(user).body(Map.of("name", "cost")).post("/api/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");

        Cost first = cost(given().header("Authorization", "Bearer " + token));
        Cost repeated = cost(given().header("Authorization", "Bearer " + token));
        setBack("api_tokens", "last_used_at", "token_hash", TokenSecrets.hash(token));
        Cost afterTheStep = cost(given().header("Authorization", "Bearer " + token));

        assertEquals(new Cost(1 + ROUTE_STATEMENTS + 1, 0, 1), first, "never used: the lookup and one write of last_used_at");
        assertEquals(new Cost(1 + ROUTE_STATEMENTS, 0, 0), repeated, "used within the step: the lookup alone, no transaction");
        assertEquals(new Cost(1 + ROUTE_STATEMENTS + 1, 0, 1), afterTheStep, "used after the step: last_used_at moves");
    }

    @Test
    void aSessionRequestIsOneQueryAndWritesLastSeenOnlyOncePerStep() throws SQLException {
        String user = TestData.user(Roles.AUDITOR);
        String session = Browser.signIn(user).session();

        Cost repeated = cost(given().cookie(Browser.SESSION_COOKIE, session));
        setBack("sessions", "last_seen_at", "secret_hash", TokenSecrets.hash(session));
        Cost afterTheStep = cost(given().cookie(Browser.SESSION_COOKIE, session));

        assertEquals(new Cost(1 + ROUTE_STATEMENTS, 0, 0), repeated, "seen within the step: the lookup alone, no transaction");
        assertEquals(new Cost(1 + ROUTE_STATEMENTS + 1, 0, 1), afterTheStep, "seen after the step: last_seen_at moves");
    }

    private Cost cost(RequestSpecification request) {
        Statistics statistics = hibernate.getStatistics();
        long statements = statistics.getPrepareStatementCount();
        long updates = statistics.getEntityUpdateCount();
        long transactions = statistics.getTransactionCount();
        request.get("/api/tokens").then().statusCode(200);
        return new Cost(statistics.getPrepareStatementCount() - statements, statistics.getEntityUpdateCount() - updates,
                statistics.getTransactionCount() - transactions);
    }

    /** Moves the row's time column back past the step (two of them), as if the last request was that long ago. */
    private void setBack(String table, String column, String key, String value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE " + table
                + " SET " + column + " = " + column + " - INTERVAL '2' MINUTE WHERE " + key + " = ?")) {
            s.setString(1, value);
            assertEquals(1, s.executeUpdate());
        }
    }
}
