package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A labeling program started without a terminal: ops create a project from the form (previewing its Markdown
 * guidelines), import items on the import page and add an annotator on the overview; the annotator labels blind and
 * sees the guidelines rendered; the overview counts the label. Screenshots go to target/screenshots (run-*.png).
 */
@QuarkusTest
class RunAProjectBrowserTest extends BrowserTest {

    @Test
    void opsSetUpAProjectInTheBrowserAndAnAnnotatorLabelsIt() throws IOException {
        String ops = TestData.user("ops");
        String annotator = TestData.user("annotator");
        String name = TestData.unique("Support replies");
        WebDriver d = driver();

        signIn(ops);
        d.findElement(By.id("new-project-link")).click();
        chrome.await("the form", presenceOfElementLocated(By.id("new-project")));
        d.findElement(By.id("project-name")).sendKeys(name);
        new Select(d.findElement(By.id("task-type"))).selectByValue("FREE_TEXT");
        d.findElement(By.id("project-overlap")).clear();
        d.findElement(By.id("project-overlap")).sendKeys("1");
        d.findElement(By.id("project-guidelines")).sendKeys("Answer in **two sentences** at most.");
        d.findElement(By.id("preview-project")).click();
        chrome.await("the preview", visibilityOfElementLocated(By.cssSelector("#guidelines-preview strong")));
        assertEquals("two sentences", d.findElement(By.cssSelector("#guidelines-preview strong")).getText());
        chrome.screenshot("run-1-new-project.png");
        d.findElement(By.id("create-project")).click();
        chrome.await("the overview", presenceOfElementLocated(By.id("import-link")));
        assertTrue(d.getCurrentUrl().endsWith("/overview"), d.getCurrentUrl());

        d.findElement(By.id("import-link")).click();
        chrome.await("the import page", presenceOfElementLocated(By.id("import-file")));
        chrome.awaitLoaded("the import page script");
        Path dir = Files.createDirectories(Path.of("target", "import-files"));
        Path items = Files.writeString(Files.createTempDirectory(dir, "upload-").resolve("items.ndjson"),
                "{\"externalId\":\"q1\",\"input\":\"Why is sync slow?\",\"drafts\":[{\"model\":\"m\",\"family\":\"f\","
                        + "\"version\":\"1\",\"text\":\"Check the power mode.\"}]}\n", StandardCharsets.UTF_8);
        d.findElement(By.id("import-file")).sendKeys(items.toAbsolutePath().toString());
        d.findElement(By.id("import-start")).click();
        chrome.await("the counts", visibilityOfElementLocated(By.id("import-result")));
        assertEquals("1", d.findElement(By.id("count-created")).getText().strip());

        d.navigate().back();
        chrome.await("the overview", presenceOfElementLocated(By.id("add-member")));
        d.findElement(By.id("member-username")).sendKeys(annotator);
        d.findElement(By.id("add-member-button")).click();
        chrome.await("the confirmation", visibilityOfElementLocated(By.id("member-added")));
        chrome.screenshot("run-2-overview.png");

        d.manage().deleteAllCookies();
        signIn(annotator);
        d.findElement(By.partialLinkText("Start labeling")).click();
        awaitItemPage("the item", -1);
        d.findElement(By.cssSelector(".guidelines summary")).click();
        assertEquals("two sentences", d.findElement(By.cssSelector(".guidelines strong")).getText());
        d.findElement(By.id("answer")).sendKeys("Close other syncing apps.");
        new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("drafts-card")));
        new Actions(d).sendKeys("k").perform();
        chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));
        chrome.screenshot("run-3-labelled.png");

        d.manage().deleteAllCookies();
        signIn(ops);
        d.findElement(By.linkText(name)).click();
        chrome.await("the overview", presenceOfElementLocated(By.id("items-done")));
        assertEquals("1", d.findElement(By.id("items-done")).getText());
    }
}
