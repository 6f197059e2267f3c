package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.LegacyText;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The ops export form in a real browser: choose a format and a filter, export, watch the progress bar
 * finish, get the file saved, and see the manifest's row count and SHA-256 on the page; an export cut off part-way
 * saves nothing and shows why.
 */
@QuarkusTest
class ExportPageBrowserTest extends BrowserTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void opsExportOpenAiEvalsWithProgressAndGetTheFileAndItsManifest() throws Exception {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        for (int i = 0; i < 3; i++) {
            long aid = TestData.next(f.annotator(), f.projectId());
            TestData.commit(f.annotator(), aid, "Blind reference " + i);
            TestData.keep(f.annotator(), aid);
        }
        Path downloads = Files.createDirectories(Path.of("target", "downloads")).toAbsolutePath();
        Files.createDirectories(downloads);
        ((ChromeDriver) driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        WebDriver d = driver();
        signIn(f.ops());
        d.get(url("projects/" + f.projectId() + "/overview"));
        chrome.awaitLoaded("the overview");
        new Select(d.findElement(By.name("format"))).selectByValue("openai-evals");
        String done = exportFromOverview();
        assertTrue(done.contains("3 rows"), done);
        assertEquals(d.findElement(By.id("export-progress")).getDomProperty("max"),
                d.findElement(By.id("export-progress")).getDomProperty("value"));
        String manifest = d.findElement(By.id("export-manifest")).getDomAttribute("href");
        assertTrue(manifest.startsWith("/api/exports/"), manifest);
        chrome.screenshot("export-page.png");

        String exportId = manifest.substring("/api/exports/".length());
        Path file = chrome.await("the saved file", x -> savedExport(downloads, exportId, ".jsonl"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        JsonNode sample = new ObjectMapper().readTree(lines.get(0));
        assertTrue(sample.get("ideal").get(0).asText().startsWith("Blind reference "));

        new Select(d.findElement(By.name("format"))).selectByValue("label-studio");
        d.findElement(By.name("gold")).click();
        d.findElement(By.cssSelector("#export-form button[type=submit]")).click();
        String problem = chrome.await("the refusal", x -> {
            String text = x.findElement(By.id("export-error")).getText();
            return text.isEmpty() ? null : text;
        });
        assertTrue(problem.contains("gold=true"), problem);
    }

    @Test
    void anExportCutOffPartWayIsShownAsFailedWithItsReasonAndNothingIsSaved() throws Exception {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long good = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), good, "A good answer");
        TestData.keep(f.annotator(), good);
        long bad = TestData.next(f.annotator(), f.projectId());
        LegacyText.commit(dataSource, bad);
        Path downloads = Files.createDirectories(Path.of("target", "downloads-cut")).toAbsolutePath();
        ((ChromeDriver) driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        WebDriver d = driver();
        signIn(f.ops());
        d.get(url("projects/" + f.projectId() + "/overview"));
        chrome.awaitLoaded("the overview");
        new Select(d.findElement(By.name("format"))).selectByValue("csv");
        d.findElement(By.cssSelector("#export-form button[type=submit]")).click();
        String problem = chrome.await("the failure", x -> {
            String text = x.findElement(By.id("export-error")).getText();
            return text.isEmpty() ? null : text;
        });
        assertTrue(problem.startsWith("The export failed and nothing was saved: ")
                && problem.contains("assignment " + bad) && problem.contains("not valid Unicode"), problem);
        assertFalse(d.findElement(By.id("export-manifest")).isDisplayed());
        try (Stream<Path> files = Files.list(downloads)) {
            assertEquals(0, files.count(), "no file may be saved");
        }
    }
}
