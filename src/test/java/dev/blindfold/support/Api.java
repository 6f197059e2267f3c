package dev.blindfold.support;

import static io.restassured.RestAssured.given;

import io.restassured.filter.log.LogDetail;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as a given user over HTTP Basic, logging request and response on failure. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "password-for-tests";

    private Api() {
    }

    public static RequestSpecification as(String username) {
        String password = ADMIN.equals(username) ? ADMIN_PASSWORD : PASSWORD;
        return given().auth().preemptive().basic(username, password)
                .contentType(ContentType.JSON)
                .log().ifValidationFails(LogDetail.ALL);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).log().ifValidationFails(LogDetail.ALL);
    }
}
