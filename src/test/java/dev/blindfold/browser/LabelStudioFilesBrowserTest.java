package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Label Studio files as Label Studio writes them, through the browser: tasks without an id and plain objects are
 * imported on the import page, and the Label Studio export saved from the overview gives back the position ids, the
 * control names that came in, and a task for the item nobody labelled.
 */
@QuarkusTest
class LabelStudioFilesBrowserTest extends BrowserTest {

    @Test
    void tasksWithoutIdsOrDataObjectsImportOnThePageAndComeBackFromTheExportForm() throws IOException {
        String ops = TestData.user("ops");
        long projectId = Api.as(ops).body(Map.of("name", TestData.unique("ls files"), "taskType", "FREE_TEXT", "overlap", 1))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        Path dir = Files.createDirectories(Path.of("target", "import-files"));
        Path tasks = Files.writeString(Files.createTempDirectory(dir, "upload-").resolve("tasks.json"), """
                [{"data": {"text": "Summarise: the bus was late."},
                  "predictions": [{"model_version": "m1", "result": [{"from_name": "summary", "to_name": "doc",
                    "type": "textarea", "value": {"text": ["Late bus."]}}]}]},
                 {"text": "Summarise: the train was early."}]""", StandardCharsets.UTF_8);
        Path downloads = Files.createDirectories(Path.of("target", "downloads-ls")).toAbsolutePath();
        ((ChromeDriver) driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        WebDriver d = driver();
        signIn(ops);
        d.get(url("projects/" + projectId + "/import"));
        chrome.await("the import page", presenceOfElementLocated(By.id("import-file")));
        chrome.awaitLoaded("the import page script");
        d.findElement(By.id("import-file")).sendKeys(tasks.toAbsolutePath().toString());
        chrome.await("the Label Studio options", visibilityOfElementLocated(By.id("label-studio-options")));
        d.findElement(By.id("import-start")).click();
        chrome.await("the counts", visibilityOfElementLocated(By.id("import-result")));
        assertEquals("2", d.findElement(By.id("count-created")).getText().strip());

        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        long aid = TestData.next(annotator, projectId);
        TestData.commit(annotator, aid, "Mine");

        d.get(url("projects/" + projectId + "/overview"));
        chrome.awaitLoaded("the overview");
        new Select(d.findElement(By.name("format"))).selectByValue("label-studio");
        String done = exportFromOverview();
        assertTrue(done.contains("2 rows"), done);
        String exportId = d.findElement(By.id("export-manifest")).getDomAttribute("href").substring("/api/exports/".length());
        Path file = chrome.await("the saved file", x -> savedExport(downloads, exportId, ".json"));

        JsonNode exported = new ObjectMapper().readTree(file.toFile());
        Map<String, JsonNode> byId = new HashMap<>();
        exported.forEach(t -> byId.put(t.get("id").asText(), t));
        assertEquals(2, byId.size());
        assertTrue(byId.get("1").get("data").get("text").asText().contains("bus"), "no id came in: the position");
        assertTrue(byId.get("2").get("data").get("text").asText().contains("train"), "a plain object is the data");
        JsonNode prediction = byId.get("1").get("predictions").get(0).get("result").get(0);
        assertEquals("summary", prediction.get("from_name").asText());
        assertEquals("doc", prediction.get("to_name").asText());
        assertEquals(1, byId.get("1").get("annotations").size() + byId.get("2").get("annotations").size(),
                "one item labelled, the other a task with no annotation");
    }
}
