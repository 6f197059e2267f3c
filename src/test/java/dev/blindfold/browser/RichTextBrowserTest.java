package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Inputs and drafts written in Markdown are shown rendered, a chat input as a conversation, and markup inside the
 * text stays text (the CSP check after each test would also catch a script that ran).
 */
@QuarkusTest
class RichTextBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void markdownAndChatsAreRenderedAndMarkupStaysText() throws Exception {
        String ops = TestData.user("ops");
        long projectId = Api.as(ops).body(Map.of("name", TestData.unique("rich"), "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "Answer **briefly**.")).post("/api/projects").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String chat = JSON.writeValueAsString(List.of(Map.of("role", "user", "content", "Why is *sync* slow?"),
                Map.of("role", "assistant", "content", "Which device?"), Map.of("role", "user", "content", "A laptop.")));
        StringBuilder items = new StringBuilder();
        for (String[] item : List.of(
                new String[] {"md", "# Reset help\n\n- one\n- two <script>window.ran = true</script>", "Use **Settings**."},
                new String[] {"chat", chat, "Check the power mode."})) {
            items.append(JSON.writeValueAsString(Map.of("externalId", item[0], "input", item[1], "drafts",
                    List.of(Map.of("model", "m", "family", "f", "version", "1", "text", item[2]))))).append('\n');
        }
        Api.as(ops).contentType("application/x-ndjson").body(items.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200);
        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);

        WebDriver d = driver();
        signIn(annotator);
        boolean sawMarkdown = false;
        boolean sawChat = false;
        boolean sawBoldDraft = false;
        long previous = -1;
        for (int i = 0; i < 2; i++) {
            d.get(url("projects/" + projectId + "/next"));
            previous = awaitItemPage("item " + (i + 1), previous);
            if (!d.findElements(By.cssSelector("#input-text h1")).isEmpty()) {
                sawMarkdown = true;
                assertEquals("Reset help", d.findElement(By.cssSelector("#input-text h1")).getText());
                assertEquals(2, d.findElements(By.cssSelector("#input-text li")).size());
                assertTrue(d.findElement(By.id("input-text")).getText().contains("<script>window.ran = true</script>"),
                        "markup in the input is shown as text");
                assertEquals(Boolean.FALSE, chrome.js("return window.ran === true"));
                d.findElement(By.cssSelector(".guidelines summary")).click();
                assertEquals("briefly", d.findElement(By.cssSelector(".guidelines strong")).getText());
                chrome.screenshot("markdown-input.png");
            } else {
                sawChat = true;
                assertEquals(3, d.findElements(By.cssSelector("#input-text .chat .turn")).size());
                assertEquals(2, d.findElements(By.cssSelector("#input-text .turn-user")).size());
                assertEquals("sync", d.findElement(By.cssSelector("#input-text .turn-user em")).getText());
                chrome.screenshot("chat-input.png");
            }
            d.findElement(By.id("answer")).sendKeys("My own answer " + i);
            new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            chrome.await("the drafts", visibilityOfElementLocated(By.cssSelector("#drafts .draft-plain")));
            if (d.findElement(By.cssSelector("#drafts .draft-plain")).getText().contains("Settings")) {
                assertEquals("Settings", d.findElement(By.cssSelector("#drafts .draft-plain strong")).getText(),
                        "the draft's Markdown is rendered");
                sawBoldDraft = true;
            }
            new Actions(d).sendKeys("k").perform();
            chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));
        }
        assertTrue(sawMarkdown && sawChat && sawBoldDraft);
    }
}
