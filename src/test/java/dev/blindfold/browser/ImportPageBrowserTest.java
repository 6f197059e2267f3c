package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The ops import page in real headless Chromium: a file path is sent to the file input, the page
 * uploads it with XMLHttpRequest and shows the counts, or the problem naming the bad line.
 */
@QuarkusTest
class ImportPageBrowserTest extends BrowserTest {


    /**
     * 20,000 items (about 5 MB) through the page, with the browser's upload throttled to 2 MB/s so
     * that the progress bar is seen part-way; then the counts, and a second upload of the same file
     * skipping every item.
     */
    @Test
    void opsImportAnNdjsonFileWatchingTheProgressBarAndSeeTheCounts() throws IOException {
        String ops = TestData.user("ops");
        long projectId = project(ops, "FREE_TEXT");
        Path file = file("items.ndjson", IntStream.rangeClosed(1, 20_000).mapToObj(i -> String.format(
                "{\"externalId\":\"b%05d\",\"input\":\"Question %05d: %s\",\"drafts\":[{\"model\":\"m\",\"family\":\"f\","
                        + "\"version\":\"1\",\"text\":\"Answer %05d\"}]}\n", i, i, "q".repeat(150), i)).collect(Collectors.joining()));
        signIn(ops);
        driver().get(url("projects/" + projectId + "/overview"));
        chrome.await("the import link", presenceOfElementLocated(By.id("import-link"))).click();
        chrome.await("the import page", presenceOfElementLocated(By.id("import-file")));
        chrome.awaitLoaded("the import page script");

        driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        assertFalse(driver().findElement(By.id("label-studio-options")).isDisplayed(), "no Label Studio options for NDJSON");
        assertTrue(driver().findElement(By.id("import-format")).getText().startsWith("items.ndjson: NDJSON"));
        chrome.throttleUploads(2_000_000);
        chrome.js("window.states = []; const s = document.getElementById('import-state');"
                + " new MutationObserver(() => states.push(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});");
        driver().findElement(By.id("import-start")).click();
        List<Double> seen = new ArrayList<>();
        chrome.await("the progress bar part-way", d -> {
            Object value = chrome.js("const p = document.getElementById('import-progress');"
                    + " return p.hasAttribute('value') ? p.value / p.max : null");
            if (value != null) {
                seen.add(((Number) value).doubleValue());
            }
            return seen.stream().anyMatch(v -> v > 0.1 && v < 0.9);
        });
        chrome.screenshot("import-uploading.png");
        chrome.await("the counts", visibilityOfElementLocated(By.id("import-result")));
        chrome.throttleUploads(-1);
        assertEquals(List.of("20000", "0", "20000", "0"), counts());
        assertEquals(1.0, ((Number) chrome.js("const p = document.getElementById('import-progress'); return p.value / p.max"))
                .doubleValue(), "the bar is full once done");
        assertTrue(text("import-state").startsWith("Done: items.ndjson imported."), text("import-state"));
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) chrome.js("return window.states");
        assertTrue(states.get(0).startsWith("Uploading… 0 bytes of 5.2 MiB"), states.toString());
        assertEquals(List.of("Importing…", "Done: items.ndjson imported."), states.subList(states.size() - 2, states.size()),
                "uploading, then importing until the answer, then done: " + states.subList(0, 3));
        Path shot = chrome.screenshot("import-done.png");
        assertTrue(Files.size(shot) > 0);

        driver().findElement(By.id("import-start")).click();
        chrome.await("the counts of the repeat", d -> counts().equals(List.of("0", "20000", "0", "0")));
    }

    @Test
    void aBadCsvLineIsShownByNumberAndNothingIsImported() throws IOException {
        String ops = TestData.user("ops");
        long projectId = project(ops, "FREE_TEXT");
        String header = "externalId,input,draft_1_model,draft_1_family,draft_1_version,draft_1_text\n";
        String good = "c1,First,m,f,1,one\nc2,Second,m,f,1,two\n";
        signIn(ops);
        driver().get(url("projects/" + projectId + "/import"));
        chrome.await("the import page", presenceOfElementLocated(By.id("import-file")));
        chrome.awaitLoaded("the import page script");

        upload(file("bad.csv", header + good + "c3,Third,m,,1,three\n"));
        chrome.await("the error box", visibilityOfElementLocated(By.id("import-error")));
        assertEquals("line 4: drafts[0].family is missing.", text("import-error"));
        assertFalse(driver().findElement(By.id("import-result")).isDisplayed());
        chrome.screenshot("import-bad-line.png");

        upload(file("good.csv", header + good));
        chrome.await("the counts", visibilityOfElementLocated(By.id("import-result")));
        assertEquals(List.of("2", "0", "2", "0"), counts(), "the refused file left nothing behind");
        assertFalse(driver().findElement(By.id("import-error")).isDisplayed());
    }

    @Test
    void aLabelStudioExportShowsItsOptionsAndImportsAnnotationsAsLabels() throws IOException {
        String ops = TestData.user("ops");
        long projectId = project(ops, "FREE_TEXT");
        Path file = file("tasks.json", """
                [{"id": 1, "data": {"prompt": "Summarise: the cat sat."},
                  "predictions": [{"model_version": "m-1", "result": [{"value": {"text": ["A cat sat."]}}]}],
                  "annotations": [{"id": 11, "completed_by": 3, "result": [{"value": {"text": ["The cat sat."]}}]},
                                  {"id": 12, "completed_by": 4, "was_cancelled": true, "result": []}]}]""");
        signIn(ops);
        driver().get(url("projects/" + projectId + "/import"));
        chrome.await("the import page", presenceOfElementLocated(By.id("import-file")));
        chrome.awaitLoaded("the import page script");

        driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        chrome.await("the Label Studio options", visibilityOfElementLocated(By.id("label-studio-options")));
        chrome.screenshot("import-label-studio.png");
        driver().findElement(By.id("import-start")).click();
        chrome.await("the error box", visibilityOfElementLocated(By.id("import-error")));
        assertEquals("task 1: data.text is missing (choose the field with inputField=).", text("import-error"));

        driver().findElement(By.id("input-field")).clear();
        driver().findElement(By.id("input-field")).sendKeys("prompt");
        driver().findElement(By.id("family")).sendKeys("frontier");
        driver().findElement(By.id("import-start")).click();
        chrome.await("the counts", visibilityOfElementLocated(By.id("import-result")));
        assertEquals(List.of("1", "0", "1", "1"), counts());
    }

    // ---- steps ----

    private static long project(String ops, String taskType) {
        return Api.as(ops).body(Map.of("name", TestData.unique("import page"), "taskType", taskType, "overlap", 1))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }


    private void upload(Path file) {
        driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        driver().findElement(By.id("import-start")).click();
    }

    private static Path file(String name, String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "import-files"));
        return Files.writeString(Files.createTempDirectory(dir, "upload-").resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<String> counts() {
        return List.of("created", "skipped", "drafts", "labels").stream().map(k -> text("count-" + k)).toList();
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText().strip();
    }


}
