package dev.blindfold.audit.timeline;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An auditor opens any label and sees what its annotator saw, and when: the page and its JSON. */
@QuarkusTest
class TimelineApiTest {

    private static final List<String> ORDER = List.of("ITEM_SHOWN", "FIRST_INPUT", "PASTE", "BLIND_COMMITTED",
            "DRAFTS_REVEALED", "FINAL_SAVED");

    private Fixture f;
    private long aid;
    private List<String> draftTexts;

    /** One label through the whole loop: shown, first input, a paste, commit, reveal, keep. */
    @BeforeEach
    void label() {
        f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        aid = TestData.next(f.annotator(), f.projectId());
        Instant now = Instant.now();
        Api.as(f.annotator()).body(List.of(
                        Map.of("type", "FIRST_INPUT", "clientTime", now.plusMillis(5).toString()),
                        Map.of("type", "PASTE", "clientTime", now.plusMillis(9).toString(), "data", Map.of("chars", 12))))
                .post("/api/assignments/" + aid + "/events").then().statusCode(202);
        TestData.commit(f.annotator(), aid, "my own blind answer");
        draftTexts = Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200)
                .extract().jsonPath().getList("text", String.class);
        TestData.keep(f.annotator(), aid);
    }

    @Test
    void auditorSeesTheEventsInOrderWithDurationsAndTheDraftsOnlyAfterTheCommit() {
        String page = Api.as(f.auditor()).accept("text/html").get("/audit/assignments/" + aid).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString(f.annotator()))
                .body(containsString("my own blind answer"))
                .body(containsString("<code>blind_kept</code>"))
                .body(containsString("href=\"/projects/" + f.projectId() + "/audit\""))
                .body(containsString("client-claimed"))
                .body(containsString("chars:</span> <span class=\"pre\">12</span>"))
                .extract().asString();
        int previous = -1;
        for (String type : ORDER) {
            int at = page.indexOf("data-type=\"" + type + "\"");
            assertTrue(at > previous, type + " comes after the event before it");
            previous = at;
        }
        int commit = page.indexOf("data-type=\"BLIND_COMMITTED\"");
        assertEquals(2, draftTexts.size());
        for (String text : draftTexts) {
            String word = firstWord(text);
            assertTrue(page.indexOf(word) > commit, "a draft's text appears only after the commit event: " + text);
        }
        String events = page.substring(page.indexOf("id=\"events\""));
        assertEquals(ORDER.size() - 1, Pattern.compile("<td>\\+\\d+(\\.\\d)? (ms|s)</td>").matcher(events).results().count(),
                "every event but the first shows the time since the one before");
        String strip = page.substring(page.indexOf("id=\"milestones\""), page.indexOf("id=\"summary\""));
        for (String milestone : List.of("shown", "first_input", "paste", "committed", "revealed", "final")) {
            assertTrue(strip.contains("data-milestone=\"" + milestone + "\""), milestone);
        }
        assertTrue(Pattern.compile("class=\"since\">[+−]\\d").matcher(strip).find(), "milestones show durations");
        for (String text : draftTexts) {
            assertTrue(!strip.contains(firstWord(text)), "no draft text in the milestone strip");
        }
    }

    /** The draft's distinctive first word (the rest has an apostrophe, which the page escapes). */
    private static String firstWord(String text) {
        return text.substring(0, text.indexOf(' '));
    }

    @Test
    void theJsonTimelineHasMilestonesExposureAndEveryEvent() {
        JsonPath t = Api.as(f.auditor()).get("/api/assignments/" + aid + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(f.projectId(), t.getLong("projectId"));
        assertEquals(f.annotator(), t.getString("annotator"));
        assertEquals("blind_kept", t.getString("exposure"));
        assertEquals("KEEP", t.getString("decision"));
        assertEquals("my own blind answer", t.getString("blindAnswer"));
        assertEquals("my own blind answer", t.getString("finalAnswer"));
        assertEquals(List.of("shown", "first_input", "paste", "committed", "revealed", "final"),
                t.getList("milestones.name", String.class));
        assertEquals(List.of(false, true, true, false, false, false), t.getList("milestones.clientClaimed", Boolean.class));
        assertNull(t.get("milestones[0].sincePreviousMs"));
        for (int i = 1; i < 6; i++) {
            assertNotNull(t.get("milestones[" + i + "].sincePreviousMs"), "milestone " + i);
        }
        assertEquals(ORDER, t.getList("events.type", String.class));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), t.getList("events.seq", Long.class));
        assertNull(t.get("events[0].sincePreviousMs"));
        assertTrue(t.getLong("events[5].sincePreviousMs") >= 0);
        assertEquals(12, t.getInt("events[2].data.chars"));
        assertEquals(draftTexts, t.getList("events[4].data.order.text", String.class));
        assertTrue(t.getMap("priorExposure").isEmpty(), "nothing was shown before the first commit");
    }

    @Test
    void priorExposureCountsTheDraftsShownOnEarlierItemsPerFamily() {
        List<String> families = Api.as(f.auditor()).get("/api/assignments/" + aid + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("events[4].data.order.family", String.class);
        long second = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), second, "second blind answer");
        JsonPath t = Api.as(Api.ADMIN).get("/api/assignments/" + second + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("blind_only", t.getString("exposure"));
        assertEquals(Map.of(families.get(0), 1, families.get(1), 1), t.getMap("priorExposure"));
        Api.as(f.auditor()).accept("text/html").get("/audit/assignments/" + second).then().statusCode(200)
                .body(containsString("<tr><td><code>" + families.get(0) + "</code></td><td>1</td><td>0</td></tr>"));
    }

    @Test
    void opsAndAnnotatorsAreRefusedThePageAndTheJson() {
        for (String who : List.of(f.ops(), f.annotator())) {
            Api.as(who).accept("text/html").get("/audit/assignments/" + aid).then().statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(not(containsString(draftTexts.get(0))));
            Api.as(who).get("/api/assignments/" + aid + "/timeline").then().statusCode(403)
                    .contentType(containsString("application/problem+json"))
                    .body(not(containsString(draftTexts.get(0))));
        }
    }

    @Test
    void anUnknownAssignmentIsNotFound() {
        Api.as(f.auditor()).accept("text/html").get("/audit/assignments/987654321").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Assignment 987654321 was not found."));
        Api.as(f.auditor()).get("/api/assignments/987654321/timeline").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }
}
