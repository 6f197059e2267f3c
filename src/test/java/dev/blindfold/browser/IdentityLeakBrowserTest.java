package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Drafts that name their model, in the browser: label ops follow the overview's link to the flagged drafts, see the
 * names marked, redact one and drop another, and the overview's count follows. Screenshots go to target/screenshots
 * (identity-leaks-*.png).
 */
@QuarkusTest
class IdentityLeakBrowserTest extends BrowserTest {

    @Test
    void opsRedactOneFlaggedDraftAndDropAnotherFromTheOverview() {
        String ops = TestData.user("ops");
        long projectId = Api.as(ops).body(Map.of("name", TestData.unique("leaks"), "taskType", "FREE_TEXT",
                        "guidelines", "Answer well.")).post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String ndjson = item("redact-me", "I'm Claude, an assistant made by Anthropic.")
                + item("drop-me", "As ChatGPT, I think so.") + item("clean", "Press the reset link.");
        Api.as(ops).contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200);
        WebDriver d = driver();
        signIn(ops);
        d.get(url("projects/" + projectId + "/overview"));
        chrome.awaitLoaded("the overview");

        WebElement link = d.findElement(By.cssSelector("#identity-leaks a"));
        assertEquals("2 drafts name their model", link.getText());
        link.click();
        chrome.await("the flagged drafts", visibilityOfElementLocated(By.id("flagged-drafts")));
        List<String> marked = d.findElements(By.cssSelector("#flagged-drafts mark")).stream().map(WebElement::getText)
                .toList();
        assertEquals(List.of("Claude", "Anthropic", "ChatGPT"), marked);
        chrome.screenshot("identity-leaks-page.png");

        d.findElement(By.cssSelector("tr:has(mark) button[id^=redact-]")).click();
        WebElement done = chrome.await("the redaction", visibilityOfElementLocated(By.id("draft-done")));
        assertTrue(done.getText().endsWith("redacted."), done.getText());
        assertEquals(List.of("ChatGPT"), d.findElements(By.cssSelector("#flagged-drafts mark")).stream()
                .map(WebElement::getText).toList());
        d.findElement(By.cssSelector("button[id^=drop-]")).click();
        chrome.await("the drop", x -> x.findElement(By.id("draft-done")).getText().endsWith("dropped.") ? true : null);
        assertTrue(d.findElement(By.id("no-flagged")).isDisplayed());
        chrome.screenshot("identity-leaks-done.png");

        d.get(url("projects/" + projectId + "/overview"));
        chrome.awaitLoaded("the overview");
        assertEquals(List.of(), d.findElements(By.id("identity-leaks")), "no link once no draft names its model");
    }

    private static String item(String externalId, String text) {
        return "{\"externalId\":\"" + externalId + "\",\"input\":\"Who are you?\",\"drafts\":[{\"model\":\"m-" + externalId
                + "\",\"family\":\"f\",\"version\":\"v1\",\"text\":\"" + text + "\"}]}\n";
    }
}
