package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5: a CATEGORICAL assignment shows its labels in its own random order (SHUFFLED, the default for a new
 * project) or the project's (FIXED); the order is kept across reloads, logged with every ITEM_SHOWN, and exported as
 * {@code label_order} beside {@code draft_order}, the revealed drafts' models in slot order.
 */
@QuarkusTest
class LabelOrderApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LABELS = List.of("l-one", "l-two", "l-three", "l-four", "l-five", "l-six");
    private static final Pattern RADIO = Pattern.compile("<input type=\"radio\" name=\"label\" value=\"([^\"]*)\">");

    private static long project(String ops, String labelOrder, int overlap, List<String> annotators) {
        Map<String, Object> spec = new HashMap<>(Map.of("name", TestData.unique("order"), "taskType", "CATEGORICAL",
                "labels", LABELS, "overlap", overlap, "revealPolicy", "REVEAL_AFTER_COMMIT", "guidelines", "Pick one."));
        if (labelOrder != null) {
            spec.put("labelOrder", labelOrder);
        }
        long id = Api.as(ops).body(spec).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        String item = "{\"externalId\":\"" + TestData.unique("it") + "\",\"input\":\"Which one?\",\"drafts\":["
                + "{\"model\":\"zm-alpha\",\"family\":\"zf\",\"version\":\"1\",\"text\":\"l-two\"},"
                + "{\"model\":\"zm-beta\",\"family\":\"zf\",\"version\":\"1\",\"text\":\"l-five\"}]}\n";
        Api.as(ops).contentType("application/x-ndjson").body(item.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/projects/" + id + "/items")
                .then().statusCode(200);
        for (String a : annotators) {
            Api.as(ops).body(Map.of("username", a)).post("/api/projects/" + id + "/members").then().statusCode(201);
        }
        return id;
    }

    /** The labels of the item page's radio buttons, in page order (what keys 1–9 pick). */
    private static List<String> pageLabels(String annotator, long aid) {
        String html = Api.as(annotator).accept("text/html").get("/assignments/" + aid).then().statusCode(200)
                .extract().asString();
        List<String> labels = new ArrayList<>();
        Matcher m = RADIO.matcher(html);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    private static List<JsonNode> events(String reader, long aid, String type) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : JSON.readTree(Api.as(reader).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().asString())) {
            if (type.equals(e.get("type").asText())) {
                found.add(e.get("data"));
            }
        }
        return found;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void eachAssignmentKeepsItsOwnShuffledOrderAcrossReloadsAndLogsItWithEveryShowing() throws Exception {
        String ops = TestData.user("ops");
        List<String> annotators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            annotators.add(TestData.user("annotator"));
        }
        long projectId = project(ops, null, 8, annotators);
        assertEquals("SHUFFLED", Api.as(ops).get("/api/projects/" + projectId).then().statusCode(200).extract()
                .jsonPath().getString("labelOrder"), "a new categorical project shuffles unless told otherwise");
        Set<List<String>> orders = new HashSet<>();
        for (String a : annotators) {
            long aid = TestData.next(a, projectId);
            List<String> shown = pageLabels(a, aid);
            assertEquals(Set.copyOf(LABELS), Set.copyOf(shown));
            assertEquals(shown, pageLabels(a, aid), "a reload shows the same order");
            List<JsonNode> showings = events(ops, aid, "ITEM_SHOWN");
            assertEquals(3, showings.size(), "the API's showing and two page loads");
            for (JsonNode s : showings) {
                assertEquals(shown, strings(s.get("labelOrder")), "each showing logs the order shown");
            }
            orders.add(shown);
        }
        // 720 orders: eight assignments all drawing one order has probability 720^-7
        assertTrue(orders.size() >= 2, "assignments draw their own orders: " + orders);
    }

    @Test
    void aFixedProjectShowsItsOwnOrderAndExistingOrdersSurviveASwitch() throws Exception {
        String ops = TestData.user("ops");
        String first = TestData.user("annotator");
        String second = TestData.user("annotator");
        long projectId = project(ops, "FIXED", 2, List.of(first, second));
        long aid = TestData.next(first, projectId);
        assertEquals(LABELS, pageLabels(first, aid));
        assertEquals(LABELS, strings(events(ops, aid, "ITEM_SHOWN").get(0).get("labelOrder")));

        Api.as(ops).body(Map.of("labelOrder", "SHUFFLED")).patch("/api/projects/" + projectId).then().statusCode(200);
        assertEquals(LABELS, pageLabels(first, aid), "an assignment already shown keeps its order");
        long other = TestData.next(second, projectId);
        assertEquals(Set.copyOf(LABELS), Set.copyOf(pageLabels(second, other)));
    }

    @Test
    void exportsCarryTheLabelOrderShownAndTheDraftModelsInSlotOrder() throws Exception {
        String ops = TestData.user("ops");
        String annotator = TestData.user("annotator");
        long projectId = project(ops, null, 1, List.of(annotator));
        long aid = TestData.next(annotator, projectId);
        List<String> shown = pageLabels(annotator, aid);
        TestData.commit(annotator, aid, shown.get(0));
        String slotOfAlpha = TestData.slotOf(annotator, aid, "l-two");
        TestData.keep(annotator, aid);
        List<String> draftOrder = slotOfAlpha.equals("A") ? List.of("zm-alpha", "zm-beta") : List.of("zm-beta", "zm-alpha");
        JsonNode reveal = events(ops, aid, "DRAFTS_REVEALED").get(0);
        List<String> logged = new ArrayList<>();
        reveal.get("order").forEach(d -> logged.add(d.get("slot").asText() + "=" + d.get("model").asText()));
        assertEquals(List.of("A=" + draftOrder.get(0), "B=" + draftOrder.get(1)), logged,
                "the reveal logs the slot order it drew");

        JsonNode row = JSON.readTree(export(ops, projectId, "jsonl").strip());
        assertEquals(shown, strings(row.get("label_order")));
        assertEquals(draftOrder, strings(row.get("draft_order")));

        List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().build()
                .parse(new StringReader(export(ops, projectId, "csv"))).getRecords();
        assertEquals(1, csv.size());
        assertEquals(shown, strings(JSON.readTree(csv.get(0).get("label_order"))));
        assertEquals(draftOrder, strings(JSON.readTree(csv.get(0).get("draft_order"))));
    }

    @Test
    void aFreeTextLabelHasNoLabelOrderAndAnUnrevealedOneAnEmptyDraftOrder() throws Exception {
        TestData.Fixture f = TestData.freeText(1, 1, 1, "NEVER_REVEAL");
        String annotator = f.annotators().get(0);
        long aid = TestData.next(annotator, f.projectId());
        TestData.commit(annotator, aid, "my own answer");
        assertFalse(events(f.ops(), aid, "ITEM_SHOWN").get(0).has("labelOrder"));
        JsonNode row = JSON.readTree(export(f.ops(), f.projectId(), "jsonl").strip());
        assertTrue(row.get("label_order").isNull(), "free text has no labels to order");
        assertEquals(List.of(), strings(row.get("draft_order")));
        assertEquals("FIXED", Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().statusCode(200).extract()
                .jsonPath().getString("labelOrder"));
    }

    private static String export(String ops, long projectId, String format) {
        return Api.as(ops).get("/api/projects/" + projectId + "/export?format=" + format).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void labelOrderAsksOnlyWhatATaskTypeCanDo() {
        String ops = TestData.user("ops");
        Api.as(ops).body(Map.of("name", TestData.unique("p"), "taskType", "FREE_TEXT", "labelOrder", "SHUFFLED"))
                .post("/api/projects").then().statusCode(400).contentType("application/problem+json");
        TestData.Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).body(Map.of("labelOrder", "SHUFFLED")).patch("/api/projects/" + f.projectId()).then()
                .statusCode(400).contentType("application/problem+json");
    }
}
