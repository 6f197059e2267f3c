package dev.blindfold.labeling;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** B4: the page's reports become client-claimed events; a bad batch writes nothing. */
@QuarkusTest
class ClientEventsTest {

    @Test
    void eachReportedKindIsStoredWithServerTimeAndTheClientTimeAsAClaim() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        List<Map<String, Object>> batch = List.of(
                Map.of("type", "FIRST_INPUT", "clientTime", "2026-03-01T10:00:00.123Z", "data", Map.of()),
                Map.of("type", "PASTE", "clientTime", 1772359200500L, "data", Map.of("chars", 42)),
                Map.of("type", "FOCUS_LOST", "clientTime", "2026-03-01T10:00:02Z"),
                Map.of("type", "FOCUS_RETURNED", "clientTime", "2026-03-01T10:00:03Z"),
                Map.of("type", "VISIBILITY_HIDDEN", "clientTime", "2026-03-01T10:00:04Z"),
                Map.of("type", "KEYSTROKES", "clientTime", "2026-03-01T10:00:05Z", "data", Map.of("count", 17)));
        Api.as(f.annotator()).body(batch).post("/api/assignments/" + aid + "/events").then()
                .statusCode(202).body("accepted", equalTo(6));
        JsonPath events = Api.as(f.ops()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ITEM_SHOWN", "FIRST_INPUT", "PASTE", "FOCUS_LOST", "FOCUS_RETURNED", "VISIBILITY_HIDDEN",
                "KEYSTROKES"), events.getList("type"));
        assertEquals(List.of(false, true, true, true, true, true, true), events.getList("clientClaimed"));
        assertEquals("2026-03-01T10:00:00.123Z", events.getString("clientTime[1]"));
        assertEquals("2026-03-01T10:00:00.500Z", events.getString("clientTime[2]"), "epoch millis accepted");
        assertEquals(42, events.getInt("data[2].chars"));
        assertEquals(17, events.getInt("data[6].count"));
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWholeWithItsIndex() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(List.of(Map.of("type", "FOCUS_LOST"), Map.of("type", "PASTE", "data", Map.of("chars", -1))))
                .post("/api/assignments/" + aid + "/events").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("events[1].data.chars"));
        Api.as(f.annotator()).body(List.of(Map.of("type", "BLIND_COMMITTED", "data", Map.of("answer", "forged"))))
                .post("/api/assignments/" + aid + "/events").then().statusCode(400)
                .body("detail", containsString("not a client event"));
        Api.as(f.annotator()).body(List.of(Map.of("type", "FOCUS_LOST", "clientTime", "yesterday")))
                .post("/api/assignments/" + aid + "/events").then().statusCode(400)
                .body("detail", containsString("clientTime"));
        Api.as(f.annotator()).body(List.of()).post("/api/assignments/" + aid + "/events").then().statusCode(400);
        assertEquals(List.of("ITEM_SHOWN"), TestData.eventTypes(f.auditor(), aid), "nothing half-written");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(409);
    }
}
