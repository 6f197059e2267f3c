package dev.blindfold.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** /q/openapi describes every JSON route the app serves, and Swagger UI is served from the app itself. */
@QuarkusTest
class OpenApiTest {

    @Test
    void documentListsEveryApiRouteWithItsMethods() throws Exception {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, Set<String>> documented = new TreeMap<>();
        paths.forEach((path, ops) -> documented.put(path, new TreeSet<>(ops.keySet())));

        Map<String, Set<String>> served = ApiRoutes.served();
        assertFalse(served.isEmpty(), "found the JAX-RS resources");
        assertEquals(served, documented, "the OpenAPI paths are exactly the /api routes (pages are excluded in"
                + " application.properties: mp.openapi.scan.exclude.classes)");
    }

    @Test
    void documentNamesItselfAndBothWaysToSignIn() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("Blindfold API", doc.getString("info.title"));
        assertFalse(doc.getString("info.version").isBlank());
        assertTrue(doc.getString("info.description").contains("Bearer"));
        assertEquals("basic", doc.getString("components.securitySchemes.basic.scheme"));
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        assertEquals(Set.of("basic", "bearer"), doc.getMap("components.securitySchemes").keySet());
        assertEquals(List.of(Map.of("basic", List.of()), Map.of("bearer", List.of())), doc.getList("security"));
    }

    @Test
    void thePatchBodyDocumentsTheGuidelinesItMayChange() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String body = doc.getString("paths.'/api/projects/{id}'.patch.requestBody.content.'application/json'.schema.$ref");
        assertEquals("#/components/schemas/ProjectChange", body);
        String guidelines = "components.schemas.ProjectChange.properties.guidelines.";
        assertTrue(doc.getString(guidelines + "description").contains("new guidelines version"),
                doc.getString(guidelines + "description"));
        assertEquals(100_000, doc.getInt(guidelines + "maxLength"));
        assertTrue(doc.getString("components.schemas.ProjectChange.properties.status.description").contains("CLOSED"));
    }

    @Test
    void swaggerUiIsServedWithoutExternalAssets() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js"))
                .body(not(containsString("src=\"http")), not(containsString("href=\"http")),
                        not(containsString("src=\"//")), not(containsString("href=\"//")));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
