package dev.blindfold.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The health endpoints the load balancer and compose health checks use; readiness includes the database. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void livenessAnswersWithoutSigningIn() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
