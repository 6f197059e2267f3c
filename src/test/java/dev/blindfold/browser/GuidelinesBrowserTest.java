package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Ops edit a project's guidelines on its overview and see version 2 in force; the annotator's next item shows that
 * version, and the export saved from the overview names the version of each label: 1 before the edit, 2 after.
 */
@QuarkusTest
class GuidelinesBrowserTest extends BrowserTest {

    @Test
    void opsEditGuidelinesAndTheExportNamesEachLabelsVersion() throws Exception {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long before = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), before, "Under the first guidelines");
        TestData.keep(f.annotator(), before);
        WebDriver d = driver();

        signIn(f.ops());
        d.get(url("projects/" + f.projectId() + "/overview"));
        chrome.awaitLoaded("the overview");
        assertEquals("1", d.findElement(By.id("guidelines-version")).getText());
        WebElement text = d.findElement(By.id("guidelines-text"));
        assertEquals("Answer well.", text.getDomProperty("value"));
        text.clear();
        text.sendKeys("Answer in **one** sentence.", Keys.ENTER, "Cite the manual.");
        d.findElement(By.id("save-guidelines")).click();
        chrome.await("the confirmation", visibilityOfElementLocated(By.id("guidelines-saved")));
        assertEquals("2", d.findElement(By.id("guidelines-version")).getText());
        assertEquals(2, d.findElements(By.cssSelector("#guidelines-versions tr[data-version]")).size());
        chrome.screenshot("guidelines-overview.png");

        d.manage().deleteAllCookies();
        signIn(f.annotator());
        d.get(url("projects/" + f.projectId() + "/next"));
        awaitItemPage("the next item", before);
        assertEquals("(version 2)", d.findElement(By.id("guidelines-version")).getText());
        d.findElement(By.cssSelector(".guidelines summary")).click();
        assertEquals("one", d.findElement(By.cssSelector(".guidelines strong")).getText());
        d.findElement(By.id("answer")).sendKeys("Under the second guidelines");
        new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("drafts-card")));
        new Actions(d).sendKeys("k").perform();
        chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));

        Path downloads = Files.createDirectories(Path.of("target", "downloads-guidelines")).toAbsolutePath();
        ((ChromeDriver) d).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        d.manage().deleteAllCookies();
        signIn(f.ops());
        d.get(url("projects/" + f.projectId() + "/overview"));
        chrome.awaitLoaded("the overview");
        String done = exportFromOverview();
        assertTrue(done.contains("2 rows"), done);
        String exportId = d.findElement(By.id("export-manifest")).getDomAttribute("href").substring("/api/exports/".length());
        Path file = chrome.await("the saved file", x -> savedExport(downloads, exportId, ".jsonl"));
        Map<String, Integer> versions = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            JsonNode row = json.readTree(line);
            versions.put(row.get("blind_answer").asText(), row.get("guidelines_version").asInt());
        }
        assertEquals(Map.of("Under the first guidelines", 1, "Under the second guidelines", 2), versions);
    }
}
