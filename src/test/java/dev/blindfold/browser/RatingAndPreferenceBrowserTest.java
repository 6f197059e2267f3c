package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The two judging task types in a real browser: the blind answer is committed with Ctrl+Enter
 * before anything is shown, then a PAIRWISE item shows anonymous "Response A/B" to prefer with a
 * key, and a DRAFT_RATING item asks for a rating of every draft, showing the server's refusal of
 * an incomplete set. The auditor's log is checked after each.
 */
@QuarkusTest
class RatingAndPreferenceBrowserTest extends BrowserTest {

    private static final String ANSWER = "Use the Forgot password link on the sign-in page.";


    @Test
    void pairwiseItemShowsAnonymousResponsesAfterTheBlindCommitAndSavesThePreferenceByKey() {
        Fixture f = TestData.project("PAIRWISE", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();
        long aid = openFirstItem(f);
        String keys = d.findElement(By.cssSelector(".shortcuts")).getText();
        assertTrue(keys.contains("prefer response") && keys.contains("tie"), "pairwise keys are listed: " + keys);
        assertFalse(keys.contains("keep") || keys.contains("accept"), "no keep/accept on a pairwise item: " + keys);
        assertFalse(d.findElement(By.id("drafts-card")).isDisplayed());
        assertNoneIn(f.secrets(), d.getPageSource(), "pairwise item page before the blind commit");

        d.findElement(By.id("answer")).sendKeys(ANSWER);
        ctrlEnter();
        chrome.await("the responses", visibilityOfElementLocated(By.id("drafts-card")));
        chrome.await("both responses", d2 -> d2.findElements(By.cssSelector("#drafts .draft")).size() == 2);
        assertEquals(List.of("Response A", "Response B"), texts(d.findElements(By.cssSelector("#drafts .draft h3"))));
        assertEquals("Responses", d.findElement(By.cssSelector("#drafts-card h2")).getDomProperty("textContent").strip());
        assertTrue(d.findElements(By.cssSelector("#drafts .rating, #drafts ins, #drafts del")).isEmpty(),
                "responses are shown as they are: no ratings, no diff");
        assertNoneIn(f.secrets().stream().filter(s -> !s.startsWith("zdrafttext")).toList(), d.getPageSource(),
                "pairwise page after the reveal (no model, family or version)");
        assertEquals(List.of("Prefer A A", "Prefer B B"), texts(d.findElements(By.cssSelector("#prefer-buttons button"))));
        assertTrue(d.findElement(By.id("tie")).isDisplayed());
        assertTrue(d.findElements(By.id("keep")).isEmpty());
        chrome.screenshot("pairwise-after-reveal.png");

        new Actions(d).sendKeys("b").perform();
        chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));
        assertTrue(d.findElement(By.id("final-card")).getText().contains("Saved: Prefer B"));

        List<Map<String, Object>> events = events(f.auditor(), aid);
        List<String> types = events.stream().map(e -> (String) e.get("type")).toList();
        int committed = types.indexOf("BLIND_COMMITTED");
        int revealed = types.indexOf("DRAFTS_REVEALED");
        int saved = types.indexOf("FINAL_SAVED");
        assertTrue(committed >= 0 && committed < revealed && revealed < saved, types.toString());
        assertEquals(ANSWER, data(events.get(committed)).get("answer"));
        assertEquals("PREFER", data(events.get(saved)).get("decision"));
        assertEquals("B", data(events.get(saved)).get("preferredSlot"));
        assertEquals(ANSWER, data(events.get(saved)).get("answer"), "the final answer is the blind answer");
    }

    @Test
    void draftRatingItemNeedsEveryDraftRatedShowsTheServersRefusalAndSavesTheRatings() {
        Fixture f = TestData.project("DRAFT_RATING", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();
        long aid = openFirstItem(f);
        assertNoneIn(f.secrets(), d.getPageSource(), "rating item page before the blind commit");
        assertTrue(d.findElement(By.cssSelector(".shortcuts")).getText().contains("rate the next unrated draft"));

        d.findElement(By.id("answer")).sendKeys(ANSWER);
        ctrlEnter();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("drafts-card")));
        assertEquals(List.of("Draft A", "Draft B"), texts(d.findElements(By.cssSelector("#drafts .draft h3"))));
        assertEquals(List.of("Rate draft A (required)", "Rate draft B (required)"),
                texts(d.findElements(By.cssSelector("#drafts .rating legend"))));
        assertTrue(d.findElement(By.id("save-ratings")).isDisplayed());
        assertTrue(d.findElements(By.id("keep")).isEmpty());

        new Actions(d).sendKeys("4").perform();
        assertTrue(d.findElement(By.cssSelector("input[name='rate-A'][value='4']")).isSelected(), "4 rates draft A");
        d.findElement(By.id("save-ratings")).click();
        WebElement error = chrome.await("the server's refusal", visibilityOfElementLocated(By.id("final-error")));
        assertTrue(error.getText().contains("missing: draft B"), "the refusal names the missing draft: " + error.getText());
        assertFalse(d.findElement(By.id("done-card")).isDisplayed(), "nothing was saved");
        chrome.screenshot("draft-rating-incomplete.png");

        d.findElement(By.cssSelector("input[name='rate-B'][value='2']")).click();
        ctrlEnter();
        chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));
        assertTrue(d.findElement(By.id("final-card")).getText().contains("Saved: Rate"));
        assertFalse(d.findElement(By.id("final-error")).isDisplayed(), "the old error is gone");
        List<WebElement> radios = d.findElements(By.cssSelector("#drafts input[type=radio]"));
        assertFalse(radios.isEmpty());
        assertTrue(radios.stream().noneMatch(WebElement::isEnabled), "saved ratings can no longer be clicked");

        List<Map<String, Object>> events = events(f.auditor(), aid);
        List<String> types = events.stream().map(e -> (String) e.get("type")).toList();
        int committed = types.indexOf("BLIND_COMMITTED");
        int revealed = types.indexOf("DRAFTS_REVEALED");
        int saved = types.indexOf("FINAL_SAVED");
        assertTrue(committed >= 0 && committed < revealed && revealed < saved && saved < types.indexOf("DRAFTS_RATED"),
                types.toString());
        assertEquals("RATE", data(events.get(saved)).get("decision"));
        assertEquals(ANSWER, data(events.get(saved)).get("answer"));
        assertEquals(Map.of("A", 4, "B", 2), data(events.get(types.indexOf("DRAFTS_RATED"))).get("ratings"));
    }

    // ---- steps ----

    /** Signs in as the fixture's annotator, starts the project and returns the first item's assignment id. */
    private long openFirstItem(Fixture f) {
        signIn(f.annotator());
        chrome.await("the queue", presenceOfElementLocated(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']")))
                .click();
        String aid = chrome.await("the item page", presenceOfElementLocated(By.id("item-page"))).getDomAttribute("data-assignment");
        chrome.awaitLoaded("the item page");
        return Long.parseLong(aid);
    }

    private void ctrlEnter() {
        new Actions(driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(e -> e.getText().strip()).toList();
    }

    private static void assertNoneIn(List<String> secrets, String text, String where) {
        List<String> leaked = secrets.stream().filter(text::contains).toList();
        assertTrue(leaked.isEmpty(), where + " leaks " + leaked);
    }

    private static List<Map<String, Object>> events(String reader, long assignmentId) {
        return Api.as(reader).get("/api/assignments/" + assignmentId + "/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }


}
