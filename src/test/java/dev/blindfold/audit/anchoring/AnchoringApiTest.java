package dev.blindfold.audit.anchoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.exposure.Similarity;
import dev.blindfold.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit API on a project labeled through the API by three annotators ({@link AnchoringScenario}). */
@QuarkusTest
class AnchoringApiTest {

    /** REST Assured reads JSON numbers as floats. */
    private static final double EPS = 1e-6;
    private static final String PROBLEM = "application/problem+json";

    /** Built once for the class (lazily: the port is known only here); the tests only read it. */
    private static AnchoringScenario s;
    private static String base;

    @BeforeEach
    void seed() {
        if (s == null) {
            s = AnchoringScenario.build();
            base = "/api/projects/" + s.fixture().projectId() + "/audit";
        }
    }

    private Map<String, Object> row(List<Map<String, Object>> rows, String username) {
        return rows.stream().filter(r -> username.equals(r.get("username"))).findFirst().orElseThrow();
    }

    private static double num(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    @Test
    void annotatorRowsShowRevealsSharesShiftPastesAndFocusLosses() {
        List<Map<String, Object>> rows = Api.as(s.fixture().auditor()).get(base + "/annotators").then().statusCode(200)
                .body("$", hasSize(3)).extract().jsonPath().getList("$");
        Map<String, Object> a = row(rows, s.a());
        assertEquals(2, num(a, "labels"));
        assertEquals(1, num(a, "revealed"));
        assertEquals(2, num(a, "finals"));
        assertEquals(0.0, num(a, "revisedShare"), EPS);
        assertEquals(1.0, num(a, "acceptedShare"), EPS);
        double shift = 1.0 - Similarity.editSimilarity(s.pastedAnswer(), s.acceptedDraftText());
        assertEquals(shift, num(a, "meanShiftTowardDraft"), 1e-6, "accepted draft: final similarity 1 minus the blind one");
        String other = s.pastedAnswer().equals(AnchoringScenario.SAME) ? AnchoringScenario.ADMIN : AnchoringScenario.SAME;
        assertEquals((double) s.pastedAnswer().length() / (s.pastedAnswer().length() + other.length()), num(a, "pasteShare"), EPS);
        assertEquals(1, num(a, "pasteDominantLabels"));
        assertTrue(num(a, "medianBlindMs") >= 0);

        Map<String, Object> b = row(rows, s.b());
        assertEquals(2, num(b, "revealed"));
        assertEquals(0.5, num(b, "revisedShare"), EPS);
        assertEquals(0.0, num(b, "acceptedShare"), EPS);
        assertEquals(3, num(b, "focusLosses"));
        assertEquals(1.5, num(b, "focusLossesPerLabel"), EPS);
        assertEquals(0.0, num(b, "pasteShare"), EPS);

        Map<String, Object> c = row(rows, s.c());
        assertEquals(0, num(c, "revealed"));
        assertNull(c.get("revisedShare"), "no revealed finals: undefined, not NaN");
        assertNull(c.get("meanShiftTowardDraft"));
    }

    @Test
    void driftGivesTheWeeksAlphasAndAcceptedShare() {
        JsonPath drift = Api.as(s.fixture().auditor()).get(base + "/drift").then().statusCode(200)
                .body("$", hasSize(1)).extract().jsonPath();
        assertEquals(6, drift.getInt("[0].labels"));
        assertEquals(3, drift.getInt("[0].revealedFinals"));
        assertEquals(1 / 3.0, drift.getDouble("[0].acceptedShare"), 1e-6);
        // blind units: item 0 {same, same, same}, item 1 {admin, admin, support}: (5·4 − 8) / (30 − 8)
        assertEquals(12 / 22.0, drift.getDouble("[0].blindAlpha"), 1e-6);
        JsonPath agreement = Api.as(s.fixture().auditor()).get("/api/projects/" + s.fixture().projectId() + "/agreement")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(agreement.getDouble("final.alpha"), drift.getDouble("[0].finalAlpha"), 1e-6,
                "one week holds every label, so its alpha is the project's");
        assertTrue(drift.getDouble("[0].meanFinalDraftSimilarity") > 0);
    }

    private static Map<String, Object> only(List<Map<String, Object>> flags, String kind) {
        List<Map<String, Object>> found = flags.stream().filter(f -> kind.equals(f.get("kind"))).toList();
        assertEquals(1, found.size(), kind + " in " + flags);
        return found.get(0);
    }

    @Test
    void flagsNameThePastedAndTheDistractedLabelWithTheirFigures() {
        List<Map<String, Object>> flags = Api.as(s.fixture().auditor()).get(base + "/flags").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> pasted = only(flags, "paste_dominant");
        Map<String, Object> focus = only(flags, "focus_losses");
        assertEquals(List.of(s.a(), "100% pasted", s.pastedAid()),
                List.of(pasted.get("annotator"), pasted.get("detail"), ((Number) pasted.get("assignmentId")).longValue()));
        assertEquals(List.of(s.b(), "3 focus losses", s.focusAid()),
                List.of(focus.get("annotator"), focus.get("detail"), ((Number) focus.get("assignmentId")).longValue()));
        assertTrue(flags.stream().noneMatch(f -> "offscreen_composition".equals(f.get("kind"))), "focus came back at once");
        assertTrue(((String) pasted.get("externalId")).startsWith("item-"));
        flags.stream().filter(f -> "fast_blind".equals(f.get("kind")))
                .forEach(f -> assertTrue(((String) f.get("detail")).matches("\\d+\\.\\d s blind, \\d+\\.\\d s needed"
                        + " \\((the configured floor|\\d+\\.\\d s to read the item \\+ \\d+\\.\\d s project minimum)\\)"),
                        f.toString()));
        List<String> annotators = flags.stream().map(f -> (String) f.get("annotator")).toList();
        assertEquals(annotators.stream().sorted().toList(), annotators, "sorted by annotator");
    }

    @Test
    void eachTableAnswersCsvWithAHeaderRow() {
        String csv = Api.as(s.fixture().auditor()).get(base + "/annotators?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", AnnotatorAnchoring.COLUMNS), lines[0]);
        assertEquals(4, lines.length);
        String[] c = List.of(lines).stream().filter(l -> l.startsWith(s.c() + ",")).findFirst().orElseThrow().split(",", -1);
        assertEquals(List.of(s.c(), "2", "0", "2", "0", "", "", "", "0.0", "0"), List.of(c).subList(0, 10),
                "undefined shares are empty cells");
        assertEquals(List.of("0", "0.0"), List.of(c).subList(11, 13));
        Api.as(s.fixture().auditor()).get(base + "/drift?format=csv").then().statusCode(200)
                .body(startsWith(String.join(",", DriftWeek.COLUMNS) + "\r\n"));
        Api.as(s.fixture().auditor()).get(base + "/flags?format=csv").then().statusCode(200)
                .body(startsWith(String.join(",", AnchoringFlag.COLUMNS) + "\r\n"))
                .body(containsString("paste_dominant," + s.pastedAid() + "," + s.a() + ",item-"))
                .body(matchesPattern("(?s).*,100% pasted\r\n.*"));
    }

    @Test
    void badFormatAndUnknownProjectAreProblems() {
        Api.as(s.fixture().auditor()).get(base + "/flags?format=xlsx").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:blindfold:problem:invalid-format"));
        Api.as(s.fixture().auditor()).get("/api/projects/987654321/audit/annotators").then().statusCode(404).contentType(PROBLEM);
        Api.as(Api.ADMIN).get(base + "/drift").then().statusCode(200);
    }

    @Test
    void opsAndAnnotatorsGetForbiddenProblems() {
        for (String who : List.of(s.fixture().ops(), s.a())) {
            for (String table : List.of("annotators", "drift", "flags")) {
                Api.as(who).get(base + "/" + table).then().statusCode(403).contentType(PROBLEM)
                        .body(not(containsString(s.b())));
            }
        }
    }
}
