package dev.blindfold.agreement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Agreement blind vs final and gold per item, from labels made through the API. The expected
 * alphas are computed by hand in the comments (and checked without Quarkus in KrippendorffTest).
 */
@QuarkusTest
class AgreementApiTest {

    private static final double EXACT = 1e-12;
    private static final List<String> LABELS = List.of("spam", "ham"); // drafts: A = "spam", B = "ham"
    private static final String PROBLEM = "application/problem+json";

    /** What an annotator does with one item: a blind answer, then a final request built from the revealed drafts. */
    record Step(String blind, Function<List<Map<String, String>>, Map<String, Object>> decide) {
        static Step keep(String blind) {
            return new Step(blind, drafts -> Map.of("decision", "KEEP"));
        }

        /** After the reveal, accept the draft whose text ends with {@code suffix} (drafts are shown in random slots). */
        static Step accept(String blind, String suffix) {
            return new Step(blind, drafts -> Map.of("decision", "ACCEPT", "acceptedSlot", drafts.stream()
                    .filter(d -> d.get("text").endsWith(suffix)).findFirst().orElseThrow().get("slot")));
        }

        static Step revise(String blind, String answer) {
            return new Step(blind, drafts -> Map.of("decision", "REVISE", "answer", answer));
        }

        /** Commit the blind answer and stop there: no final answer. */
        static Step commitOnly(String blind) {
            return new Step(blind, null);
        }
    }

    /**
     * The annotator works through next → blind → drafts → final until nothing is left; the plan says
     * what to do per item index (from externalId {@code item-<index>-...}); an item not in it is skipped.
     */
    private static void work(String annotator, long projectId, Map<Integer, Step> plan) {
        while (true) {
            Response next = Api.as(annotator).get("/api/projects/" + projectId + "/next");
            if (next.statusCode() == 204) {
                return;
            }
            JsonPath body = next.then().statusCode(200).extract().jsonPath();
            long aid = body.getLong("assignmentId");
            Step step = plan.get(Integer.parseInt(body.getString("item.externalId").split("-")[1]));
            if (step == null) {
                Api.as(annotator).body(Map.of("reason", "not mine")).post("/api/assignments/" + aid + "/skip")
                        .then().statusCode(200);
                continue;
            }
            TestData.commit(annotator, aid, step.blind());
            if (step.decide() == null) {
                return;
            }
            List<Map<String, String>> drafts = Api.as(annotator).get("/api/assignments/" + aid + "/drafts")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            Api.as(annotator).body(step.decide().apply(drafts)).post("/api/assignments/" + aid + "/final")
                    .then().statusCode(200);
        }
    }

    private static JsonPath agreement(String reader, long projectId) {
        String json = Api.as(reader).get("/api/projects/" + projectId + "/agreement").then().statusCode(200)
                .body("blind", hasKey("alpha")).body("final", hasKey("alpha"))
                .extract().asString();
        return JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static List<Map<String, Object>> gold(String reader, long projectId, String query) {
        return Api.as(reader).get("/api/projects/" + projectId + "/gold" + query).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /**
     * Three annotators, four items, overlap 3; the third skips item 2 (so it stays partial). After
     * the reveal, annotators who had said "ham" on items 0 and 2 accept draft A ("spam").
     * <pre>
     *          blind              final
     * item 0   spam ham  ham      spam spam spam   (2 and 3 accept A)
     * item 1   ham  ham  ham      ham  ham  ham
     * item 2   spam ham  -        spam spam  -     (2 accepts A)
     * item 3   ham  spam spam     ham  spam spam
     * </pre>
     * Blind coincidences: o_ss = 0 + 0 + 0 + 2/2 = 1, o_sh = o_hs = 2/2 + 0 + 1/1 + 2/2 = 3, o_hh = 2/2 + 6/2 = 4;
     * n_s = 4, n_h = 7, n = 11; alpha = 1 - (n-1)(o_sh + o_hs) / (2 n_s n_h) = 1 - 10*6/56 = -1/14.
     * Final: o_ss = 6/2 + 2/1 + 2/2 = 6, o_sh = o_hs = 2/2 = 1, o_hh = 6/2 = 3; n_s = 7, n_h = 4;
     * alpha = 1 - 10*2/56 = 9/14. Every final answer is "spam" or "ham", each a draft's text: share 11/11.
     */
    @Test
    void finalAgreementRisesAboveBlindWhenAnnotatorsSwitchToTheDraftAfterReveal() {
        Fixture f = TestData.project("CATEGORICAL", LABELS, 4, 3, 3, "REVEAL_AFTER_COMMIT");
        List<String> a = f.annotators();
        work(a.get(0), f.projectId(), Map.of(0, Step.keep("spam"), 1, Step.keep("ham"), 2, Step.keep("spam"),
                3, Step.keep("ham")));
        work(a.get(1), f.projectId(), Map.of(0, Step.accept("ham", "spam"), 1, Step.keep("ham"),
                2, Step.accept("ham", "spam"), 3, Step.keep("spam")));
        work(a.get(2), f.projectId(), Map.of(0, Step.accept("ham", "spam"), 1, Step.keep("ham"),
                3, Step.keep("spam")));

        JsonPath agreement = agreement(f.ops(), f.projectId());
        assertEquals(f.projectId(), agreement.getLong("projectId"));
        assertEquals("CATEGORICAL", agreement.getString("taskType"));
        assertEquals(4, agreement.getInt("units"));
        assertEquals(-1.0 / 14, agreement.getDouble("blind.alpha"), EXACT);
        assertEquals(9.0 / 14, agreement.getDouble("final.alpha"), EXACT);
        assertEquals(11, agreement.getInt("blind.labels"));
        assertEquals(11, agreement.getInt("final.labels"));
        assertEquals(1.0, agreement.getDouble("finalEqualsDraftShare"), EXACT);
        assertEquals("krippendorff_nominal", agreement.getString("alphaMeasure"));
        assertEquals(agreement.getMap("$"), agreement(f.auditor(), f.projectId()).getMap("$"), "auditors read the same");

        List<Map<String, Object>> blind = gold(f.ops(), f.projectId(), "?source=blind");
        assertEquals(4, blind.size());
        assertRow(blind.get(0), 0, "ham", Map.of("ham", 2, "spam", 1), false, false);
        assertRow(blind.get(1), 1, "ham", Map.of("ham", 3), false, false);
        assertRow(blind.get(2), 2, null, Map.of("spam", 1, "ham", 1), true, true);
        assertRow(blind.get(3), 3, "spam", Map.of("spam", 2, "ham", 1), false, false);
        assertTrue(blind.stream().noneMatch(row -> row.containsKey("references")), "references are for free text");
        assertEquals(blind, gold(f.ops(), f.projectId(), ""), "blind answers are the default source");

        List<Map<String, Object>> fin = gold(f.ops(), f.projectId(), "?source=final");
        assertRow(fin.get(0), 0, "spam", Map.of("spam", 3), false, false);
        assertRow(fin.get(1), 1, "ham", Map.of("ham", 3), false, false);
        assertRow(fin.get(2), 2, "spam", Map.of("spam", 2), false, true);
        assertRow(fin.get(3), 3, "spam", Map.of("spam", 2, "ham", 1), false, false);
    }

    /**
     * Blind: one item, "spam" and "ham" → n = 2, no agreeing pair, alpha = [(1)(0) - 0] / [2 - 0] = 0.
     * Final: only the first annotator decided, so no item has two final answers → alpha undefined → null.
     */
    @Test
    void finalAlphaCountsOnlyFinishedAssignmentsAndAnUndefinedAlphaIsNull() {
        Fixture f = TestData.project("CATEGORICAL", LABELS, 1, 2, 2, "REVEAL_AFTER_COMMIT");
        work(f.annotators().get(0), f.projectId(), Map.of(0, Step.keep("spam")));
        work(f.annotators().get(1), f.projectId(), Map.of(0, Step.commitOnly("ham")));

        Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/agreement").then().statusCode(200)
                .body("final", hasKey("alpha")).body("final.alpha", nullValue()).body("final.labels", equalTo(1))
                .body("blind.labels", equalTo(2));
        JsonPath agreement = agreement(f.ops(), f.projectId());
        assertEquals(0.0, agreement.getDouble("blind.alpha"), EXACT);
        assertEquals(1.0, agreement.getDouble("finalEqualsDraftShare"), EXACT);
        assertRow(gold(f.ops(), f.projectId(), "?source=final").get(0), 0, "spam", Map.of("spam", 1), false, true);
    }

    /**
     * Two annotators, two free-text items, overlap 2; all blind answers differ. Item 0: both accept
     * draft A; item 1: one keeps, one revises.
     * Blind: four distinct strings, n = 4, no agreeing pair, no repeated value → alpha = 0 / 12 = 0.
     * Final: item 0 (A, A), item 1 (x, y): o_AA = 2, n_A = 2 → [(3)(2) - 2] / [12 - 2] = 0.4.
     * Share: the two accepted answers equal draft A's text, the kept and revised ones no draft → 2/4.
     */
    @Test
    void freeTextAgreementIsExactMatchAndGoldListsTheReferences() {
        Fixture f = TestData.freeText(2, 2, 2, "REVEAL_AFTER_COMMIT");
        String draftA = "a is the first model's answer";
        work(f.annotators().get(0), f.projectId(), Map.of(0, Step.accept("first on zero", draftA),
                1, Step.keep("first on one")));
        work(f.annotators().get(1), f.projectId(), Map.of(0, Step.accept("second on zero", draftA),
                1, Step.revise("second on one", "second on one, revised")));

        JsonPath agreement = agreement(f.auditor(), f.projectId());
        assertEquals("FREE_TEXT", agreement.getString("taskType"));
        assertEquals(0.0, agreement.getDouble("blind.alpha"), EXACT);
        assertEquals(0.4, agreement.getDouble("final.alpha"), EXACT);
        assertEquals(0.5, agreement.getDouble("finalEqualsDraftShare"), EXACT);

        List<Map<String, Object>> blind = gold(f.ops(), f.projectId(), "?source=blind");
        assertRow(blind.get(0), 0, null, Map.of("first on zero", 1, "second on zero", 1), true, false);
        assertEquals(List.of("first on zero", "second on zero"), blind.get(0).get("references"));
        assertEquals(List.of("first on one", "second on one"), blind.get(1).get("references"));

        Map<String, Object> accepted = gold(f.ops(), f.projectId(), "?source=FINAL").get(0);
        String draftText = (String) accepted.get("gold");
        assertTrue(draftText.endsWith(draftA), "both accepted draft A: " + draftText);
        assertRow(accepted, 0, draftText, Map.of(draftText, 2), false, false);
        assertEquals(List.of(draftText), accepted.get("references"));
    }

    /**
     * R is always right; C1 and C2 answer dog on both cats and slip to bird on one dog each (the
     * pattern of DawidSkeneTest's collusion case, where the reasoning is spelled out). Item 5 is
     * R's alone. Every final is KEEP, so final answers equal the blind ones.
     * <pre>
     *          R     C1    C2      majority   dawid-skene
     * item 0   cat   dog   dog     dog        cat
     * item 1   cat   dog   dog     dog        cat
     * item 2   dog   bird  dog     dog        dog
     * item 3   dog   dog   bird    dog        dog
     * item 4   bird  bird  bird    bird       bird
     * item 5   cat   -     -       cat        cat (partial)
     * </pre>
     */
    @Test
    void dawidSkeneGoldFollowsTheReliableAnnotatorWhereMajorityFollowsThePair() {
        Fixture f = TestData.project("CATEGORICAL", List.of("cat", "dog", "bird"), 6, 3, 3, "REVEAL_AFTER_COMMIT");
        List<String> a = f.annotators();
        work(a.get(0), f.projectId(), Map.of(0, Step.keep("cat"), 1, Step.keep("cat"), 2, Step.keep("dog"),
                3, Step.keep("dog"), 4, Step.keep("bird"), 5, Step.keep("cat")));
        work(a.get(1), f.projectId(), Map.of(0, Step.keep("dog"), 1, Step.keep("dog"), 2, Step.keep("bird"),
                3, Step.keep("dog"), 4, Step.keep("bird")));
        work(a.get(2), f.projectId(), Map.of(0, Step.keep("dog"), 1, Step.keep("dog"), 2, Step.keep("dog"),
                3, Step.keep("bird"), 4, Step.keep("bird")));

        List<Map<String, Object>> majority = gold(f.ops(), f.projectId(), "");
        assertRow(majority.get(0), 0, "dog", Map.of("dog", 2, "cat", 1), false, false);
        assertTrue(majority.stream().noneMatch(row -> row.containsKey("posterior")), "no posterior for majority");
        assertEquals(majority, gold(f.ops(), f.projectId(), "?method=majority"), "majority is the default");

        List<Map<String, Object>> ds = gold(f.ops(), f.projectId(), "?method=dawid-skene");
        assertEquals(6, ds.size());
        assertRow(ds.get(0), 0, "cat", Map.of("dog", 2, "cat", 1), false, false);
        assertRow(ds.get(1), 1, "cat", Map.of("dog", 2, "cat", 1), false, false);
        assertRow(ds.get(2), 2, "dog", Map.of("dog", 2, "bird", 1), false, false);
        assertRow(ds.get(3), 3, "dog", Map.of("dog", 2, "bird", 1), false, false);
        assertRow(ds.get(4), 4, "bird", Map.of("bird", 3), false, false);
        assertRow(ds.get(5), 5, "cat", Map.of("cat", 1), false, true);
        for (Map<String, Object> row : ds) {
            double posterior = ((Number) row.get("posterior")).doubleValue();
            assertTrue(posterior > 0.95 && posterior <= 1.0, "posterior of the gold label: " + row);
        }
        assertFalse(ds.get(0).containsKey("references"));

        assertEquals(ds, gold(f.ops(), f.projectId(), "?source=final&method=dawid-skene"), "KEEP: final = blind");
        assertEquals(ds, gold(TestData.user("admin"), f.projectId(), "?method=DAWID-SKENE&source=blind"));
    }

    @Test
    void anUnknownMethodAndDawidSkeneOnFreeTextAreBadRequests() {
        Fixture categorical = TestData.project("CATEGORICAL", LABELS, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(categorical.ops()).get("/api/projects/" + categorical.projectId() + "/gold?method=mace")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:blindfold:problem:invalid-method"))
                .body("detail", equalTo("method must be 'majority' or 'dawid-skene'."));
        Fixture free = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(free.ops()).get("/api/projects/" + free.projectId() + "/gold?method=dawid-skene&source=final")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:blindfold:problem:invalid-method"))
                .body("detail", containsString("needs a CATEGORICAL project"));
    }

    /** Rating and pairwise projects start with a free-text blind answer: gold lists references like FREE_TEXT. */
    @Test
    void draftRatingAndPairwiseGoldIsFreeText() {
        for (String type : List.of("DRAFT_RATING", "PAIRWISE")) {
            Fixture f = TestData.project(type, null, 1, 2, 2, "REVEAL_AFTER_COMMIT");
            work(f.annotators().get(0), f.projectId(), Map.of(0, Step.commitOnly("Use the reset link.")));
            work(f.annotators().get(1), f.projectId(), Map.of(0, Step.commitOnly("Ask support.")));

            Map<String, Object> row = gold(f.ops(), f.projectId(), "").get(0);
            assertRow(row, 0, null, Map.of("Use the reset link.", 1, "Ask support.", 1), true, false);
            assertEquals(List.of("Use the reset link.", "Ask support."), row.get("references"), type);
            Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/gold?method=dawid-skene").then().statusCode(400)
                    .contentType(PROBLEM).body("detail", containsString(type));
        }
    }

    @Test
    void annotatorsMayReadNeitherAgreementNorGoldAndAuditorsNotGold() {
        Fixture f = TestData.project("CATEGORICAL", LABELS, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        String base = "/api/projects/" + f.projectId();
        Api.as(f.annotator()).get(base + "/agreement").then().statusCode(403).contentType(PROBLEM);
        Api.as(f.annotator()).get(base + "/gold").then().statusCode(403).contentType(PROBLEM);
        Api.as(f.auditor()).get(base + "/gold").then().statusCode(403).contentType(PROBLEM);
        Api.as(TestData.user("admin")).get(base + "/gold").then().statusCode(200);
        Api.anonymous().get(base + "/agreement").then().statusCode(401);
    }

    @Test
    void unknownProjectIsNotFoundAndAnUnknownSourceIsABadRequest() {
        Fixture f = TestData.project("CATEGORICAL", LABELS, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).get("/api/projects/987654321/agreement").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("detail", equalTo("Project 987654321 was not found."));
        Api.as(f.ops()).get("/api/projects/987654321/gold").then().statusCode(404).contentType(PROBLEM);
        Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/gold?source=draft").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:blindfold:problem:invalid-source"))
                .body("detail", not(nullValue()));
    }

    @Test
    void aProjectWithoutLabelsHasNullAlphasAndOnlyPartialGold() {
        Fixture f = TestData.project("CATEGORICAL", LABELS, 2, 1, 1, "REVEAL_AFTER_COMMIT");
        JsonPath agreement = agreement(f.ops(), f.projectId());
        assertNull(agreement.get("blind.alpha"));
        assertNull(agreement.get("final.alpha"));
        assertNull(agreement.get("finalEqualsDraftShare"));
        assertEquals(0, agreement.getInt("blind.labels"));
        List<Map<String, Object>> rows = gold(f.ops(), f.projectId(), "");
        assertEquals(2, rows.size());
        assertRow(rows.get(0), 0, null, Map.of(), false, true);
        assertRow(rows.get(1), 1, null, Map.of(), false, true);
    }

    private static void assertRow(Map<String, Object> row, int item, String gold, Map<String, Integer> votes,
                                  boolean tie, boolean partial) {
        assertTrue(((String) row.get("externalId")).startsWith("item-" + item + "-"), "row of item " + item + ": " + row);
        assertTrue(row.containsKey("gold"), "gold is present even when null: " + row);
        assertEquals(gold, row.get("gold"), "gold of item " + item);
        assertEquals(votes, row.get("votes"), "votes of item " + item);
        assertEquals(tie, row.get("tie"), "tie of item " + item);
        assertEquals(partial, row.get("partial"), "partial of item " + item);
        assertFalse(row.containsKey("answers"), "rows carry no annotator answers list");
    }
}
