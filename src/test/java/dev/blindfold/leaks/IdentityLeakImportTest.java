package dev.blindfold.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every import path flags, per draft and in the same pass, each draft whose text names a vendor term or a model,
 * family or distinctive version of the project's drafts (this file's and earlier files'), and counts them.
 */
@QuarkusTest
class IdentityLeakImportTest {

    @Test
    void anNdjsonImportFlagsDraftsNamingAVendorOrTheProjectsModelsAndCountsThem() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        JsonPath counts = p.importNdjson(
                LeakFixture.item("vendor", new String[] {"zm-alpha", "zfam", "v1", "I'm Claude, made by Anthropic."},
                        new String[] {"zm-beta", "zfam", "2024-06", "A plain answer about philosophy and metadata."})
                + LeakFixture.item("own-model", new String[] {"zm-alpha", "zfam", "v1", "As ZM-BETA I would say yes."})
                + LeakFixture.item("own-family", new String[] {"zm-gamma", "zfam", "v1", "The zfam models agree."})
                + LeakFixture.item("version", new String[] {"zm-gamma", "zfam", "turbo-0125", "Release turbo-0125 says hi."})
                + LeakFixture.item("short-version", new String[] {"zm-gamma", "zfam", "v1", "Step v1 of the 2024-06 plan."}));

        assertEquals(List.of(5, 0, 6, 0, 4), List.of(counts.getInt("created"), counts.getInt("skipped"),
                counts.getInt("drafts"), counts.getInt("labels"), counts.getInt("flaggedDrafts")));
        JsonPath listed = p.flagged("");
        assertEquals(List.of("vendor", "own-model", "own-family", "version"),
                listed.getList("drafts.itemExternalId", String.class));
        assertEquals(List.of("Claude", "zm-beta", "zfam", "turbo-0125"), listed.getList("drafts.term", String.class));
        assertEquals(4, listed.getInt("flagged"));
    }

    @Test
    void aLaterFileIsCheckedAgainstTheNamesOfEarlierFilesAndARepeatFlagsNothingTwice() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        String first = LeakFixture.item("a", new String[] {"zorbit-9", "zorbitfam", "r1", "Fine."});
        assertEquals(0, p.importNdjson(first).getInt("flaggedDrafts"));

        JsonPath second = p.importNdjson(first
                + LeakFixture.item("b", new String[] {"other", "otherfam", "r1", "Zorbit-9 here, happy to help."}));

        assertEquals(List.of(1, 1, 1), List.of(second.getInt("created"), second.getInt("skipped"),
                second.getInt("flaggedDrafts")));
        assertEquals(List.of("zorbit-9"), p.terms());
    }

    @Test
    void aLabelStudioImportFlagsPredictionsThatNameTheirModel() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        String tasks = "[{\"id\":1,\"data\":{\"text\":\"Who made you?\"},\"predictions\":[{\"model_version\":\"zls-7b\","
                + "\"result\":[{\"value\":{\"text\":[\"I was trained by OpenAI.\"]}}]}]},"
                + "{\"id\":2,\"data\":{\"text\":\"Hi\"},\"predictions\":[{\"model_version\":\"zls-7b\","
                + "\"result\":[{\"value\":{\"text\":[\"Hello, I am zls-7B.\"]}}]}]},"
                + "{\"id\":3,\"data\":{\"text\":\"Sum?\"},\"predictions\":[{\"model_version\":\"zls-7b\","
                + "\"result\":[{\"value\":{\"text\":[\"Four.\"]}}]}]}]";

        JsonPath counts = Api.as(p.ops()).contentType("application/json").body(tasks.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + p.projectId() + "/items?format=label-studio&family=zls").then().statusCode(200)
                .extract().jsonPath();

        assertEquals(List.of(3, 3, 2), List.of(counts.getInt("created"), counts.getInt("drafts"),
                counts.getInt("flaggedDrafts")));
        assertEquals(List.of("OpenAI", "zls-7b"), p.terms());
    }

    @Test
    void aCsvImportFlagsToo() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        String csv = "externalId,input,draft_1_model,draft_1_family,draft_1_version,draft_1_text\n"
                + "c1,Who are you?,zc-1,zcfam,v2,\"As a Gemini model, I can help.\"\n";
        JsonPath counts = Api.as(p.ops()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + p.projectId() + "/items").then().statusCode(200).extract().jsonPath();
        assertEquals(1, counts.getInt("flaggedDrafts"));
        assertEquals(List.of("Gemini"), p.terms());
    }
}
