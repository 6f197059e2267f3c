package dev.blindfold.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} thrown while serving a request (issue 12 saw OutOfMemoryError answer a 500 that was not
 * problem+json) is a problem document on the API and the error page elsewhere, with the real status and without a
 * trace or a class name. The routes that throw are test-only ({@link ThrowingRoutes}).
 */
@QuarkusTest
class JvmErrorsTest {

    private static ValidatableResponse withoutTrace(ValidatableResponse r) {
        return r.body(allOf(not(containsString("Error")), not(containsString("java.")), not(containsString("dev.blindfold")),
                not(containsString("\tat ")), not(containsString("heap space"))));
    }

    @Test
    void outOfMemoryOnTheApiIsA503Problem() {
        withoutTrace(Api.as(Api.ADMIN).get("/api/test-only/throw/out-of-memory").then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:blindfold:problem:out-of-memory"))
                .body("status", equalTo(503))
                .body("title", equalTo("Out of memory"))
                .body("instance", equalTo("/api/test-only/throw/out-of-memory")));
    }

    @Test
    void anyOtherErrorOnTheApiIsA500InternalErrorProblem() {
        withoutTrace(Api.as(Api.ADMIN).get("/api/test-only/throw/stack-overflow").then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:blindfold:problem:internal-error"))
                .body("status", equalTo(500)));
    }

    @Test
    void outOfMemoryOnAPageIsTheErrorPageWith503() {
        withoutTrace(Api.as(Api.ADMIN).accept("text/html").get("/test-only/throw/out-of-memory").then().statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("Out of memory")));
    }

    @Test
    void theThrowingRoutesAreNotInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(not(containsString("test-only")));
    }
}
