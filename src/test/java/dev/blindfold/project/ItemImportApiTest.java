package dev.blindfold.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** NDJSON, CSV and Label Studio uploads: all or nothing, the first bad record named, idempotent. */
@QuarkusTest
class ItemImportApiTest {

    private static final String HEADER = "externalId,input,draft_1_model,draft_1_family,draft_1_version,draft_1_text\n";

    /** Items, drafts and imported labels of a project, counted in the database. */
    record Rows(long items, long drafts, long labels) {
        static Rows of(long projectId) {
            return QuarkusTransaction.requiringNew().call(() -> new Rows(Item.count("projectId", projectId),
                    Draft.count("itemId in (select i.id from Item i where i.projectId = ?1)", projectId),
                    ImportedLabel.count("projectId", projectId)));
        }
    }

    static long project(String ops) {
        return project(ops, "FREE_TEXT");
    }

    static long project(String ops, String taskType) {
        return Api.as(ops).body(Map.of("name", TestData.unique("import"), "taskType", taskType, "overlap", 1))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static io.restassured.response.ValidatableResponse upload(String ops, long projectId, String type, String body) {
        return Api.as(ops).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then();
    }

    @Test
    void csvWithABadLineIsRefusedWholeAndNamesTheLine() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        String good = HEADER + "a1,First question,m,f,1,draft one\na2,Second question,m,f,1,draft two\n";
        upload(ops, projectId, "text/csv", good + "a3,Third question,m,,1,draft three\n").statusCode(400)
                .contentType("application/problem+json").body("line", equalTo(4))
                .body("detail", containsString("line 4: drafts[0].family is missing"));
        upload(ops, projectId, "text/csv", good).statusCode(200)
                .body("created", equalTo(2)).body("skipped", equalTo(0)).body("drafts", equalTo(2));
    }

    @Test
    void labelStudioTasksAreImportedWithPredictionsAsHiddenDrafts() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        upload(ops, projectId, "application/json", LabelStudioTasksTest.EXPORT)
                .statusCode(400).body("detail", containsString("format=label-studio"));
        Api.as(ops).contentType("application/json").body(LabelStudioTasksTest.EXPORT.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items?format=label-studio&family=frontier").then().statusCode(200)
                .body("created", equalTo(2)).body("drafts", equalTo(2)).body("labels", equalTo(2));
        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        long aid = TestData.next(annotator, projectId);
        TestData.commit(annotator, aid, "my own summary");
        Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        Api.as(ops).contentType("application/json").body("[{\"id\":1}]".getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items?format=label-studio").then().statusCode(400)
                .body("detail", containsString("task 1"));
    }

    @Test
    void ndjsonWithABadLineIsRefusedWholeAndNamesTheLine() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        String good = "{\"externalId\":\"b1\",\"input\":\"x\"}\n{\"externalId\":\"b2\",\"input\":\"y\"}\n";
        upload(ops, projectId, "application/x-ndjson", good + "{\"externalId\":\"b3\"}\n").statusCode(400)
                .body("line", equalTo(3)).body("detail", containsString("input is missing"));
        upload(ops, projectId, "application/x-ndjson", good).statusCode(200).body("created", equalTo(2));
    }

    @Test
    void labelStudioRoundTripStoresItemsHiddenDraftsAndImportedLabelsOnceEach() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        String url = "/api/projects/" + projectId + "/items?format=label-studio&family=frontier";
        String export = LabelStudioTasksTest.EXPORT;
        labelStudio(ops, url, export).statusCode(200)
                .body("created", equalTo(2)).body("skipped", equalTo(0)).body("drafts", equalTo(2)).body("labels", equalTo(2));
        assertEquals(new Rows(2, 2, 2), Rows.of(projectId));

        List<ImportedLabel> labels = QuarkusTransaction.requiringNew().call(() -> ImportedLabel.<ImportedLabel>list(
                "projectId = ?1 order by sourceId", projectId));
        Item item = QuarkusTransaction.requiringNew().call(() -> Item.<Item>find("projectId = ?1 and externalId = ?2",
                projectId, "17").firstResult());
        assertEquals(List.of("901", "task-17-2"), labels.stream().map(l -> l.sourceId).toList());
        ImportedLabel first = labels.get(0);
        assertEquals(List.of(item.id, projectId, ImportedLabel.LABEL_STUDIO, "4", "A cat sat down."),
                List.of(first.itemId, first.projectId, first.source, first.sourceAnnotator, first.answer));
        assertEquals(Instant.parse("2024-05-13T10:11:12.345678Z"), first.createdAt);
        assertTrue(first.importedAt.isAfter(Instant.now().minusSeconds(60)));
        assertEquals("6", labels.get(1).sourceAnnotator);
        assertNull(labels.get(1).createdAt, "'yesterday' is no time");
        assertTrue(labels.stream().noneMatch(l -> l.answer.contains("cancelled")), "the cancelled annotation is skipped");
        assertEquals(List.of("A cat sat.", "Positive"), QuarkusTransaction.requiringNew().call(() -> Draft.forItem(item.id))
                .stream().map(d -> d.text).toList());

        labelStudio(ops, url, export).statusCode(200)
                .body("created", equalTo(0)).body("skipped", equalTo(2)).body("drafts", equalTo(0)).body("labels", equalTo(0));
        assertEquals(new Rows(2, 2, 2), Rows.of(projectId), "a repeat adds nothing");

        String later = export.replace("\"predictions\": []", "\"predictions\": [], \"annotations\": [{\"id\": 950,"
                + " \"completed_by\": 8, \"result\": [{\"value\": {\"text\": [\"It rained.\"]}}]}]");
        labelStudio(ops, url, later).statusCode(200)
                .body("created", equalTo(0)).body("skipped", equalTo(2)).body("labels", equalTo(1));
        assertEquals(new Rows(2, 2, 3), Rows.of(projectId), "an annotation written since lands on the existing item");
    }

    /** 1,200 good records fill two chunks that are flushed before the bad one: all rolled back. */
    @Test
    void aBadRecordAfterFlushedChunksLeavesNothingBehindInEveryFormat() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        upload(ops, projectId, "application/x-ndjson", "{\"externalId\":\"kept-1\",\"input\":\"x\"}\n").statusCode(200);
        Rows before = Rows.of(projectId);
        int good = 1_200;

        String ndjson = IntStream.rangeClosed(1, good).mapToObj(i -> "{\"externalId\":\"n" + i + "\",\"input\":\"q\","
                + "\"drafts\":[{\"model\":\"m\",\"family\":\"f\",\"version\":\"1\",\"text\":\"t\"}]}\n").collect(Collectors.joining());
        upload(ops, projectId, "application/x-ndjson", ndjson + "{\"externalId\":\"n-bad\",\"input\":7}\n").statusCode(400)
                .contentType("application/problem+json").body("line", equalTo(good + 1))
                .body("detail", equalTo("line " + (good + 1) + ": input must be a string."));
        assertEquals(before, Rows.of(projectId));

        String csv = HEADER + IntStream.rangeClosed(1, good).mapToObj(i -> "c" + i + ",q,m,f,1,t\n").collect(Collectors.joining());
        upload(ops, projectId, "text/csv", csv + "c-bad,q,m,f,,t\n").statusCode(400)
                .body("line", equalTo(good + 2)).body("detail", containsString("line " + (good + 2) + ": drafts[0].version is missing"));
        assertEquals(before, Rows.of(projectId));

        String tasks = IntStream.rangeClosed(1, good).mapToObj(i -> "{\"id\":\"t" + i + "\",\"data\":{\"text\":\"q\"},"
                + "\"annotations\":[{\"id\":" + i + ",\"completed_by\":1,\"result\":[{\"value\":{\"choices\":[\"yes\"]}}]}]},")
                .collect(Collectors.joining());
        labelStudio(ops, "/api/projects/" + projectId + "/items?format=label-studio",
                "[" + tasks + "{\"id\":\"t-bad\",\"data\":{\"text\":\"q\"},\"annotations\":[{\"id\":1,\"result\":[]}]}]")
                .statusCode(400).body("line", equalTo(good + 1))
                .body("detail", equalTo("task " + (good + 1) + ": annotations[0] has no text or choices result."));
        assertEquals(before, Rows.of(projectId));

        upload(ops, projectId, "application/x-ndjson", ndjson).statusCode(200).body("created", equalTo(good));
    }

    @Test
    void aPairwiseItemWithOneDraftIsRefusedNamingTheLineAndDrafts() {
        String ops = TestData.user("ops");
        long projectId = project(ops, "PAIRWISE");
        String two = "{\"externalId\":\"p1\",\"input\":\"Which is better?\",\"drafts\":["
                + "{\"model\":\"a\",\"family\":\"fa\",\"version\":\"1\",\"text\":\"one\"},"
                + "{\"model\":\"b\",\"family\":\"fb\",\"version\":\"1\",\"text\":\"two\"}]}\n";
        String one = "{\"externalId\":\"p2\",\"input\":\"Which?\",\"drafts\":["
                + "{\"model\":\"a\",\"family\":\"fa\",\"version\":\"1\",\"text\":\"only\"}]}\n";
        upload(ops, projectId, "application/x-ndjson", two + one).statusCode(400).body("line", equalTo(2))
                .body("detail", equalTo("line 2: drafts must hold at least 2 drafts in a PAIRWISE project (found 1)."));
        upload(ops, projectId, "text/csv", HEADER + "p3,Which?,a,fa,1,only\n").statusCode(400).body("line", equalTo(2))
                .body("detail", containsString("drafts"));
        assertEquals(new Rows(0, 0, 0), Rows.of(projectId));
        upload(ops, projectId, "application/x-ndjson", two).statusCode(200).body("created", equalTo(1)).body("drafts", equalTo(2));
    }

    private static io.restassured.response.ValidatableResponse labelStudio(String ops, String url, String body) {
        return Api.as(ops).contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(url).then();
    }
}
