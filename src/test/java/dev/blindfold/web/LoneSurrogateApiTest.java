package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text that is not valid Unicode (a lone surrogate, which only a JSON {@code \uD800}-style escape can carry) is refused
 * in every JSON field the API reads, with a 400 naming the field and nothing stored: record fields, list elements, map
 * keys, JSON trees (client event data, item metadata) and their keys, and each import format, where the problem names
 * the line or task. A valid pair (an emoji) is taken and kept as sent.
 */
@QuarkusTest
class LoneSurrogateApiTest {

    private static final String LONE = "\\ud800";
    private static final String NOT_UNICODE = "not valid Unicode";

    @Inject
    AgroalDataSource dataSource;

    /** Sends {@code json} (raw text: escapes stay escapes) and expects a 400 whose detail matches every pattern. */
    private void refused(RequestSpecification as, String path, String contentType, String json, String... expect)
            throws Exception {
        TableCounts tables = new TableCounts(dataSource);
        Map<String, Long> before = tables.now();
        Response r = as.contentType(contentType).body(json.getBytes(StandardCharsets.UTF_8)).post(path);
        String detail = r.then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().jsonPath().getString("detail");
        for (String e : expect) {
            assertTrue(Pattern.compile(e).matcher(detail).find(), "detail should mention /" + e + "/: " + detail);
        }
        assertTrue(detail.contains(NOT_UNICODE), detail);
        assertEquals(before, tables.now(), "nothing may be stored");
    }

    private void refusedJson(RequestSpecification as, String path, String json, String... expect) throws Exception {
        refused(as, path, "application/json", json, expect);
    }

    @Test
    void aBlindAnswerWithALoneSurrogateIsRefusedNamingAnswerAndNothingIsStored() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        String path = "/api/assignments/" + aid + "/blind";
        refusedJson(Api.as(f.annotator()), path, "{\"answer\":\"x" + LONE + "\"}", "'answer'");
        refusedJson(Api.as(f.annotator()), path, "{\"answer\":\"a low one \\udc00 alone\"}", "'answer'");
        refusedJson(Api.as(f.annotator()), path, "{\"answer\":\"a pair reversed \\ude00\\ud83d\"}", "'answer'");
        assertEquals(List.of("ITEM_SHOWN"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void aValidSurrogatePairIsTakenAndKeptAsSent() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body("{\"answer\":\"grinning \\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8))
                .post("/api/assignments/" + aid + "/blind").then().statusCode(200);
        String answer = Api.as(f.auditor()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath().getString("find { it.type == 'BLIND_COMMITTED' }.data.answer");
        assertEquals("grinning \uD83D\uDE00", answer);
    }

    @Test
    void revisedAnswerSkipReasonAndRatingKeysAreChecked() throws Exception {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        String a = f.annotator();
        long committed = TestData.next(a, f.projectId());
        TestData.commit(a, committed, "My blind answer.");
        Api.as(a).get("/api/assignments/" + committed + "/drafts").then().statusCode(200);
        String fin = "/api/assignments/" + committed + "/final";
        refusedJson(Api.as(a), fin, "{\"decision\":\"REVISE\",\"answer\":\"better" + LONE + "\"}", "'answer'");
        refusedJson(Api.as(a), fin, "{\"decision\":\"KEEP\",\"ratings\":{\"A" + LONE + "\":3}}", "'ratings'");
        TestData.keep(a, committed);
        long open = TestData.next(a, f.projectId());
        refusedJson(Api.as(a), "/api/assignments/" + open + "/skip", "{\"reason\":\"no" + LONE + "\"}", "'reason'");
    }

    @Test
    void clientEventDataIsCheckedInItsValuesAndKeys() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        String path = "/api/assignments/" + aid + "/events";
        refusedJson(Api.as(f.annotator()), path, "[{\"type\":\"FOCUS_LOST\",\"data\":{\"note\":\"x" + LONE + "\"}}]",
                "events\\[0\\]\\.data\\.note");
        refusedJson(Api.as(f.annotator()), path, "[{\"type\":\"FOCUS_LOST\",\"data\":{\"list\":[1,{\"deep\":\"" + LONE + "\"}]}}]",
                "events\\[0\\]\\.data\\.list\\[1\\]\\.deep");
        refusedJson(Api.as(f.annotator()), path, "[{\"type\":\"FOCUS_LOST\",\"data\":{\"k" + LONE + "\":1}}]",
                "\\[0\\]\\.data", "a key");
        refusedJson(Api.as(f.annotator()), path, "[{\"type\":\"FOCUS_LOST\",\"data\":{\"k\\udc00\":1}}]",
                "\\[0\\]\\.data", "a key");
        refusedJson(Api.as(f.annotator()), path, "[{\"type\":\"FOCUS" + LONE + "\"}]", "type");
    }

    @Test
    void projectTokenMemberAndUserFieldsAreChecked() throws Exception {
        String ops = TestData.user("ops");
        String spec = "{\"name\":\"%s\",\"taskType\":\"CATEGORICAL\",\"labels\":[%s],\"overlap\":1,"
                + "\"revealPolicy\":\"REVEAL_AFTER_COMMIT\",\"guidelines\":\"%s\"}";
        refusedJson(Api.as(ops), "/api/projects", String.format(spec, "Eval" + LONE, "\"a\",\"b\"", "g"), "'name'");
        refusedJson(Api.as(ops), "/api/projects", String.format(spec, "Eval", "\"a\",\"b\"", "Be" + LONE), "'guidelines'");
        refusedJson(Api.as(ops), "/api/projects", String.format(spec, "Eval", "\"a\",\"b" + LONE + "\"", "g"), "'labels");
        Fixture f = TestData.freeText(1, 0, 1, "REVEAL_AFTER_COMMIT");
        refusedJson(Api.as(f.ops()), "/api/projects/" + f.projectId() + "/members", "{\"username\":\"ana" + LONE + "\"}",
                "'username'");
        refusedJson(Api.as(ops), "/api/tokens", "{\"name\":\"job" + LONE + "\"}", "'name'");
        refusedJson(Api.as(Api.ADMIN), "/api/users", "{\"username\":\"u" + LONE + "\",\"password\":\"long-enough-password\","
                + "\"roles\":[\"annotator\"]}", "'username'");
    }

    @Test
    void ndjsonImportsNameTheLineAndTheField() throws Exception {
        Fixture f = TestData.freeText(1, 0, 1, "REVEAL_AFTER_COMMIT");
        String path = "/api/projects/" + f.projectId() + "/items";
        String good = "{\"externalId\":\"u-1\",\"input\":\"fine\"}\n";
        refused(Api.as(f.ops()), path, "application/x-ndjson", good + "{\"externalId\":\"u-2\",\"input\":\"x" + LONE + "\"}\n",
                "line 2: input ");
        refused(Api.as(f.ops()), path, "application/x-ndjson",
                good + "{\"externalId\":\"u-2\",\"input\":\"ok\",\"metadata\":{\"note\":\"" + LONE + "\"}}\n", "line 2: metadata\\.note ");
        refused(Api.as(f.ops()), path, "application/x-ndjson",
                good + "{\"externalId\":\"u-2\",\"input\":\"ok\",\"metadata\":{\"n" + LONE + "\":1}}\n", "line 2: .*a key ");
        refused(Api.as(f.ops()), path, "application/x-ndjson", good + "{\"externalId\":\"u-2\",\"input\":\"ok\",\"drafts\":"
                + "[{\"model\":\"m\",\"family\":\"f\",\"version\":\"1\",\"text\":\"d" + LONE + "\"}]}\n", "line 2: drafts\\[0\\]\\.text ");
    }

    @Test
    void csvMetadataAndLabelStudioTasksAreChecked() throws Exception {
        Fixture f = TestData.freeText(1, 0, 1, "REVEAL_AFTER_COMMIT");
        String path = "/api/projects/" + f.projectId() + "/items";
        refused(Api.as(f.ops()), path, "text/csv", "externalId,input,metadata\nc-1,fine,\nc-2,ok,\"{\"\"note\"\":\"\"x"
                + LONE + "\"\"}\"\n", "line 3: metadata\\.note ");
        String ls = "/api/projects/" + f.projectId() + "/items?format=label-studio";
        refusedJson(Api.as(f.ops()), ls, "[{\"id\":1,\"data\":{\"text\":\"fine\"}},{\"id\":2,\"data\":{\"text\":\"x" + LONE
                + "\"}}]", "task 2: data\\.text ");
        refusedJson(Api.as(f.ops()), ls, "[{\"id\":1,\"data\":{\"text\":\"fine\"},\"annotations\":[{\"id\":7,\"result\":"
                + "[{\"value\":{\"text\":[\"by hand" + LONE + "\"]}}]}]}]", "task 1: annotations\\[0\\]\\.result\\[0\\]\\.value\\.text\\[0\\] ");
    }

    @Test
    void importsTakeValidPairs() {
        Fixture f = TestData.freeText(1, 0, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).contentType("application/x-ndjson").body(("{\"externalId\":\"e-1\",\"input\":\"hi \\ud83d\\ude00\","
                        + "\"metadata\":{\"mood \\ud83d\\ude00\":\"\\ud83d\\ude00\"}}\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + f.projectId() + "/items").then().statusCode(200);
    }
}
