package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
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
 * Issue 11 item 8 on the page: a CATEGORICAL item whose imported drafts are one label and one stray class name offers
 * Accept only for the label; the stray draft's button is disabled and its slot key does nothing.
 */
@QuarkusTest
class CategoricalAcceptBrowserTest extends BrowserTest {

    private static final String STRAY = "class_PREDICTIONS_TESTING";

    @Test
    void acceptIsOfferedForADraftThatIsALabelAndNotForOneThatIsNot() {
        String me = TestData.user("annotator");
        String ops = TestData.user("ops");
        String item = "{\"externalId\":\"" + TestData.unique("cat") + "\",\"input\":\"Classify: the parcel never came.\","
                + "\"drafts\":[{\"model\":\"m1\",\"family\":\"f1\",\"version\":\"1\",\"text\":\"" + STRAY + "\"},"
                + "{\"model\":\"m2\",\"family\":\"f2\",\"version\":\"1\",\"text\":\"class_B\"}]}\n";
        long projectId = TestData.project(ops, "CATEGORICAL", List.of("class_A", "class_B"), 1, "REVEAL_AFTER_COMMIT",
                item, List.of(me));
        WebDriver d = driver();
        signIn(me);
        chrome.await("the queue", presenceOfElementLocated(By.cssSelector("a[href='/projects/" + projectId + "/next']")))
                .click();
        long aid = Long.parseLong(chrome.await("the item page", presenceOfElementLocated(By.id("item-page")))
                .getDomAttribute("data-assignment"));
        chrome.awaitLoaded("the item page");

        // the project shuffles its labels per assignment: key 1 picks the first label as displayed
        String first = d.findElements(By.cssSelector("#labels input[type=radio]")).get(0).getDomAttribute("value");
        new Actions(d).sendKeys("1").perform();
        chrome.await("label 1 to be picked", d2 -> d2.findElement(By.cssSelector("input[value='" + first + "']")).isSelected());
        new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("drafts-card")));
        chrome.await("the accept buttons", d2 -> d2.findElements(By.cssSelector("#accept-buttons button")).size() == 2);

        String stray = slotShowing(d, STRAY);
        String label = stray.equals("A") ? "B" : "A";
        WebElement strayButton = d.findElement(By.id("accept-" + stray));
        WebElement labelButton = d.findElement(By.id("accept-" + label));
        assertFalse(strayButton.isEnabled(), "no Accept for a draft that is not one of the labels");
        assertTrue(strayButton.getDomAttribute("title").contains("not one of the project's labels"));
        assertTrue(labelButton.isEnabled(), "Accept stays for a draft that is a label");
        chrome.screenshot("categorical-accept-stray-draft.png");

        new Actions(d).sendKeys(stray.toLowerCase()).perform();
        labelButton.click();
        chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));
        assertFalse(d.findElement(By.id("final-error")).isDisplayed(), "the stray slot's key sent nothing to refuse");
        List<Map<String, Object>> saved = Api.as(ops).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(e -> "FINAL_SAVED".equals(e.get("type"))).toList();
        assertEquals(1, saved.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) saved.get(0).get("data");
        assertEquals("ACCEPT", data.get("decision"));
        assertEquals(label, data.get("acceptedSlot"));
        assertEquals("class_B", data.get("answer"));
    }

    /** The slot of the draft card whose text shows {@code text}. */
    private static String slotShowing(WebDriver d, String text) {
        for (WebElement card : d.findElements(By.cssSelector("#drafts .draft"))) {
            if (card.findElement(By.cssSelector(".draft-text")).getDomProperty("textContent").contains(text)) {
                return card.getDomAttribute("id").substring("draft-".length());
            }
        }
        throw new AssertionError("no draft shows " + text);
    }
}
