package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * Back/Forward and pages left open must not show a finished item as if it were open, nor add to its log: the item
 * page is never stored (no-store), a page restored from the back/forward cache reloads, and a page that is out of
 * date anyway (finished in another window) says so when the server refuses what it sends.
 */
@QuarkusTest
class StalePageBrowserTest extends BrowserTest {

    @Test
    void goingBackToAFinishedItemShowsItFinishedAndRecordsNothingMore() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();
        signIn(f.annotator());
        d.findElement(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']")).click();
        long first = awaitItemPage("the first item", -1);
        d.findElement(By.id("answer")).sendKeys("My blind answer");
        ctrlEnter();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("drafts-card")));
        new Actions(d).sendKeys("k").perform();
        chrome.await("the done card", visibilityOfElementLocated(By.id("next")));
        new Actions(d).sendKeys("n").perform();
        awaitItemPage("the second item", first);
        int logged = events(f, first).size();

        d.navigate().back();
        assertEquals(first, awaitItemPage("the first item again", -1));
        WebElement notice = chrome.await("the finished notice", visibilityOfElementLocated(By.id("finished-notice")));
        assertTrue(notice.getText().contains("This item was already finished"), notice.getText());
        assertEquals(List.of(), d.findElements(By.id("blind-form")), "no blank commit form for a finished item");
        assertTrue(d.findElement(By.id("final-card")).getText().contains("Saved: Keep"), "it shows what was saved");
        new Actions(d).sendKeys("xyz xyz").perform();
        chrome.js("window.dispatchEvent(new Event('blur')); window.dispatchEvent(new Event('focus'));");
        d.navigate().forward();
        awaitItemPage("the second item again", first);
        d.navigate().refresh();
        chrome.awaitLoaded("the second item again");
        assertEquals(logged, events(f, first).size(), "nothing was added to the finished item's log: " + events(f, first));
    }

    @Test
    void aPageLeftOpenWhileItsItemWasFinishedElsewhereSaysItIsOutOfDateAndRecordsNothing() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();
        signIn(f.annotator());
        d.findElement(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']")).click();
        long aid = awaitItemPage("the item", -1);
        TestData.commit(f.annotator(), aid, "Answered in another window");
        TestData.keep(f.annotator(), aid);
        int logged = events(f, aid).size();

        d.findElement(By.id("answer")).sendKeys("Typed into the old page");
        ctrlEnter();
        WebElement notice = chrome.await("the out-of-date notice", visibilityOfElementLocated(By.id("stale-notice")));
        assertTrue(notice.getText().contains("This item was already finished — this page is out of date"), notice.getText());
        assertTrue(d.findElements(By.id("blind-form")).stream().noneMatch(WebElement::isDisplayed), "the form is gone");
        assertEquals(logged, events(f, aid).size(), "neither its events nor its answer were taken: " + events(f, aid));
        assertEquals("Answered in another window", Api.as(f.auditor()).get("/api/assignments/" + aid + "/events")
                .then().extract().jsonPath().getString("find { it.type == 'BLIND_COMMITTED' }.data.answer"));

        d.findElement(By.id("stale-next")).click();
        long next = awaitItemPage("the next item", aid);
        assertTrue(next != aid);
    }

    @Test
    void aPageRestoredFromTheBackForwardCacheIsReloadedFromTheServer() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        signIn(f.annotator());
        driver().findElement(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']")).click();
        long aid = awaitItemPage("the item", -1);
        chrome.js("window.fromBefore = true;"
                + " window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));");
        chrome.await("the page to reload", x -> chrome.js("return window.fromBefore === undefined"
                + " && document.readyState === 'complete'").equals(Boolean.TRUE));
        assertEquals(aid, awaitItemPage("the item, reloaded", -1));
    }

    private void ctrlEnter() {
        new Actions(driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    }

    private static List<Map<String, Object>> events(Fixture f, long aid) {
        return Api.as(f.auditor()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
