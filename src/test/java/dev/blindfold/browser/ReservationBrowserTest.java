package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * Reservations and members in the browser: with a short reservation configured, an annotator who comes back to an
 * item after it ran out is told so, nothing they typed is committed, and the next item is one click away; label ops
 * remove an annotator from the overview and are told what went back to the pool. Screenshots go to
 * target/screenshots (reservation-*.png).
 */
@QuarkusTest
class ReservationBrowserTest extends BrowserTest {

    @Test
    void anAnnotatorBackAfterTheReservationRanOutIsToldSoAndGoesOn() throws InterruptedException {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).body(Map.of("reservationSeconds", 2)).patch("/api/projects/" + f.projectId()).then()
                .statusCode(200);
        WebDriver d = driver();
        signIn(f.annotator());
        d.findElement(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']")).click();
        long aid = awaitItemPage("the item", -1);
        Thread.sleep(2_500);

        d.findElement(By.id("answer")).sendKeys("Back from lunch");
        new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        WebElement notice = chrome.await("the notice", visibilityOfElementLocated(By.id("stale-notice")));
        assertTrue(notice.getText().contains("Your reservation of this item ran out"), notice.getText());
        chrome.screenshot("reservation-expired.png");
        chrome.await("the release in the log", x -> types(f, aid).contains("RELEASED"));
        assertFalse(types(f, aid).contains("BLIND_COMMITTED"), "nothing typed after the reservation ran out was committed");

        d.findElement(By.id("stale-next")).click();
        assertNotEquals(aid, awaitItemPage("the next item", aid));
        d.get(url(""));
        chrome.awaitLoaded("the home page");
        assertTrue(d.getPageSource().contains("1 released"), "the queue counts the released item");
    }

    @Test
    void opsRemoveAnAnnotatorFromTheOverview() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        WebDriver d = driver();
        signIn(f.ops());
        d.get(url("projects/" + f.projectId() + "/overview"));
        chrome.awaitLoaded("the overview");
        d.findElement(By.id("remove-" + f.annotator())).click();
        WebElement said = chrome.await("the message", visibilityOfElementLocated(By.id("member-removed")));
        assertTrue(said.getText().contains(f.annotator() + " is no longer a member"), said.getText());
        assertTrue(said.getText().contains("1 item they had not answered went back to the pool"), said.getText());
        chrome.screenshot("reservation-member-removed.png");
        assertEquals(List.of(), d.findElements(By.id("remove-" + f.annotator())), "no Remove for a removed member");
        assertTrue(types(f, aid).contains("RELEASED"));
    }

    private static List<String> types(Fixture f, long aid) {
        return Api.as(f.auditor()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath().getList("type", String.class);
    }
}
