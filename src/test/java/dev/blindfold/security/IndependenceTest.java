package dev.blindfold.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** B7 Independence: an annotator never sees, nor touches, another annotator's work. */
@QuarkusTest
class IndependenceTest {

    private static final String PROBLEM = "application/problem+json";

    /** One request an annotator could make against an assignment, with a body valid for its route. */
    record Attempt(String name, Function<RequestSpecification, Response> send) {
    }

    private static List<Attempt> attemptsOn(long aid) {
        String base = "/api/assignments/" + aid;
        return List.of(
                new Attempt("POST blind", s -> s.body(Map.of("answer", "B's own answer")).post(base + "/blind")),
                new Attempt("GET drafts", s -> s.get(base + "/drafts")),
                new Attempt("POST final", s -> s.body(Map.of("decision", "KEEP")).post(base + "/final")),
                new Attempt("POST skip", s -> s.body(Map.of("reason", "not mine")).post(base + "/skip")),
                new Attempt("POST events", s -> s.body(List.of(Map.of("type", "FOCUS_LOST",
                        "clientTime", System.currentTimeMillis()))).post(base + "/events")));
    }

    @Test
    void anotherAnnotatorGetsNotFoundOnEveryRouteOfMyAssignmentAndLearnsNothingOfMyAnswer() {
        Fixture f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
        String a = f.annotators().get(0);
        String b = f.annotators().get(1);
        String answerOfA = TestData.unique("zblindanswerofa") + " written by A alone";
        long aidA = TestData.next(a, f.projectId());
        TestData.commit(a, aidA, answerOfA);
        String cookieOfB = signIn(b);

        for (Attempt attempt : attemptsOn(aidA)) {
            for (RequestSpecification asB : List.of(Api.as(b), session(cookieOfB).contentType("application/json"))) {
                Response r = attempt.send().apply(asB);
                assertEquals(404, r.statusCode(), attempt.name() + " by B on A's assignment: " + r.asString());
                assertTrue(r.contentType().startsWith(PROBLEM), attempt.name() + ": " + r.contentType());
                assertEquals(404, r.jsonPath().getInt("status"));
                assertNotNull(r.jsonPath().getString("type"));
                assertNotNull(r.jsonPath().getString("title"));
                assertNotNull(r.jsonPath().getString("detail"));
                assertFalse(r.asString().contains(answerOfA), attempt.name() + " shows A's answer: " + r.asString());
                assertFalse(r.headers().toString().contains(answerOfA));
            }
        }
        for (RequestSpecification asB : List.of(Api.as(b), session(cookieOfB))) {
            Response page = asB.accept("text/html").redirects().follow(false).get("/assignments/" + aidA);
            assertEquals(404, page.statusCode(), "B cannot open A's item page");
            assertTrue(page.contentType().startsWith("text/html"));
            assertTrue(page.asString().contains("404 · "), "the app's own 404 page: " + page.asString());
            assertFalse(page.asString().contains(answerOfA), "the error page does not show A's answer");
        }

        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED"), TestData.eventTypes(f.auditor(), aidA),
                "B's attempts left no trace on A's assignment");
        Api.as(a).get("/api/assignments/" + aidA + "/drafts").then().statusCode(200);
    }

    @Test
    void someoneElsesAssignmentIsAsNotFoundAsOneThatDoesNotExist() {
        Fixture f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
        long aidA = TestData.next(f.annotators().get(0), f.projectId());
        String b = f.annotators().get(1);
        long missing = aidA + 1_000_000;
        for (int i = 0; i < attemptsOn(aidA).size(); i++) {
            Response others = attemptsOn(aidA).get(i).send().apply(Api.as(b));
            Response none = attemptsOn(missing).get(i).send().apply(Api.as(b));
            String name = attemptsOn(aidA).get(i).name();
            assertEquals(none.statusCode(), others.statusCode(), name);
            assertEquals(none.jsonPath().getString("type"), others.jsonPath().getString("type"), name);
            assertEquals(none.jsonPath().getString("title"), others.jsonPath().getString("title"), name);
            assertEquals(none.jsonPath().getString("detail").replace(String.valueOf(missing), "#"),
                    others.jsonPath().getString("detail").replace(String.valueOf(aidA), "#"), name);
        }
    }

    @Test
    void annotatorSeesOnlyTheirOwnAnswersWhenBothLabelTheSameItem() {
        Fixture f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
        String a = f.annotators().get(0);
        String b = f.annotators().get(1);
        String answerOfA = TestData.unique("zblindanswerofa") + " written by A alone";
        String finalOfA = TestData.unique("zfinalanswerofa") + " revised by A";
        long aidA = TestData.next(a, f.projectId());
        TestData.commit(a, aidA, answerOfA);
        Api.as(a).get("/api/assignments/" + aidA + "/drafts").then().statusCode(200);
        Api.as(a).body(Map.of("decision", "REVISE", "answer", finalOfA)).post("/api/assignments/" + aidA + "/final")
                .then().statusCode(200);
        String cookieOfB = signIn(b);

        Response next = Api.as(b).get("/api/projects/" + f.projectId() + "/next");
        assertEquals(200, next.statusCode());
        long aidB = next.jsonPath().getLong("assignmentId");
        assertNotEquals(aidA, aidB);

        List<Response> seenByB = new java.util.ArrayList<>(List.of(
                next,
                Api.as(b).get("/api/projects"),
                Api.as(b).get("/api/projects/" + f.projectId()),
                session(cookieOfB).accept("text/html").get("/"),
                session(cookieOfB).accept("text/html").get("/assignments/" + aidB),
                session(cookieOfB).redirects().follow(false).get("/projects/" + f.projectId() + "/next")));
        assertTrue(seenByB.get(1).jsonPath().getList("id", Long.class).contains(f.projectId()),
                "B's project list does list the shared project");
        assertEquals(200, seenByB.get(4).statusCode(), "B's own item page opens");
        assertTrue(seenByB.get(4).asString().contains("Question 0"), "B's page shows the same item A labeled");

        TestData.commit(b, aidB, "B's independent answer");
        seenByB.add(Api.as(b).get("/api/assignments/" + aidB + "/drafts"));
        seenByB.add(session(cookieOfB).accept("text/html").get("/assignments/" + aidB));
        assertEquals(200, seenByB.get(seenByB.size() - 2).statusCode());
        assertTrue(seenByB.get(seenByB.size() - 1).asString().contains("B&#39;s independent answer")
                        || seenByB.get(seenByB.size() - 1).asString().contains("B's independent answer"),
                "B's page shows B's own committed answer");

        for (Response r : seenByB) {
            String everything = r.asString() + r.headers();
            assertFalse(everything.contains(answerOfA), "B saw A's blind answer: " + everything);
            assertFalse(everything.contains(finalOfA), "B saw A's final answer: " + everything);
            assertFalse(everything.contains("zblindanswerofa") || everything.contains("zfinalanswerofa"),
                    "B saw a piece of A's answers: " + everything);
        }
    }

    @Test
    void annotatorsCannotReadTheEventLogOfAnyAssignment() {
        Fixture f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
        String a = f.annotators().get(0);
        String b = f.annotators().get(1);
        String answerOfA = TestData.unique("zblindanswerofa");
        long aidA = TestData.next(a, f.projectId());
        TestData.commit(a, aidA, answerOfA);
        long aidB = TestData.next(b, f.projectId());
        for (String who : List.of(a, b)) {
            for (long aid : List.of(aidA, aidB)) {
                Response r = Api.as(who).get("/api/assignments/" + aid + "/events");
                assertEquals(403, r.statusCode(), who + " reading events of " + aid);
                assertTrue(r.contentType().startsWith(PROBLEM));
                assertFalse(r.asString().contains(answerOfA));
            }
        }
        Response auditorView = Api.as(f.auditor()).get("/api/assignments/" + aidA + "/events");
        assertEquals(200, auditorView.statusCode());
        assertTrue(auditorView.asString().contains(answerOfA), "the log does hold A's answer, for auditors");
    }

    @Test
    void annotatorWhoIsNotAMemberCannotTakeItemsFromTheProject() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        String outsider = TestData.user("annotator");
        Response api = Api.as(outsider).get("/api/projects/" + f.projectId() + "/next");
        assertEquals(404, api.statusCode());
        assertTrue(api.contentType().startsWith(PROBLEM));
        assertEquals(404, api.jsonPath().getInt("status"));
        Api.as(outsider).get("/api/projects/" + f.projectId()).then().statusCode(404);
        Response page = Api.as(outsider).accept("text/html").redirects().follow(false)
                .get("/projects/" + f.projectId() + "/next");
        assertEquals(404, page.statusCode());
        assertFalse(Api.as(outsider).get("/api/projects").jsonPath().getList("id", Long.class).contains(f.projectId()),
                "an outsider's project list does not list the project");
        // The outsider took no item's place: with overlap 1 the one member still gets both items.
        for (int i = 0; i < 2; i++) {
            long aid = TestData.next(f.annotator(), f.projectId());
            TestData.commit(f.annotator(), aid, "member's answer " + i);
            TestData.keep(f.annotator(), aid);
        }
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(204);
    }

    private static RequestSpecification session(String cookie) {
        return given().cookie(Browser.SESSION_COOKIE, cookie);
    }

    private static String signIn(String user) {
        return Browser.signIn(user).session();
    }
}
