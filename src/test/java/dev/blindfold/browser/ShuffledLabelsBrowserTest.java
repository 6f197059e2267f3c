package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 15 item 5 on the page: a shuffled CATEGORICAL item shows its labels in the assignment's own order, numbered
 * 1… as shown; a reload keeps the order; key 3 picks the third label shown, which is what the commit saves.
 */
@QuarkusTest
class ShuffledLabelsBrowserTest extends BrowserTest {

    private static final List<String> LABELS = List.of("one-star", "two-star", "three-star", "four-star", "five-star");

    @Test
    void numberKeysPickTheLabelsInTheOrderTheAssignmentShowsThem() {
        String me = TestData.user("annotator");
        String ops = TestData.user("ops");
        String item = "{\"externalId\":\"" + TestData.unique("shuf") + "\",\"input\":\"Rate the reply.\","
                + "\"drafts\":[{\"model\":\"m1\",\"family\":\"f1\",\"version\":\"1\",\"text\":\"two-star\"}]}\n";
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT", item, List.of(me));
        signIn(me);
        WebDriver d = driver();
        d.get(url("projects/" + projectId + "/next"));
        long aid = awaitItemPage("the item page", -1);
        List<String> shown = shownLabels(d);
        assertEquals(Set.copyOf(LABELS), Set.copyOf(shown));
        List<WebElement> keys = d.findElements(By.cssSelector("#labels .label-choice kbd"));
        assertEquals(List.of("1", "2", "3", "4", "5"), keys.stream().map(WebElement::getText).toList(),
                "the numbers follow the order shown");

        d.navigate().refresh();
        chrome.awaitLoaded("the item page again");
        assertEquals(shown, shownLabels(d), "a reload shows the assignment's same order");

        String third = shown.get(2);
        new Actions(d).sendKeys("3").perform();
        chrome.await("the third label shown to be picked",
                d2 -> d2.findElement(By.cssSelector("input[value='" + third + "']")).isSelected());
        assertEquals(List.of(third), d.findElements(By.cssSelector("#labels input[type=radio]")).stream()
                .filter(WebElement::isSelected).map(e -> e.getDomAttribute("value")).toList(), "only the label shown third");
        chrome.screenshot("shuffled-labels.png");
        new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("drafts-card")));

        List<Map<String, Object>> events = Api.as(ops).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
        for (Map<String, Object> e : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) e.get("data");
            if ("ITEM_SHOWN".equals(e.get("type"))) {
                assertEquals(shown, data.get("labelOrder"), "every showing logs the order on the page");
            } else if ("BLIND_COMMITTED".equals(e.get("type"))) {
                assertEquals(third, data.get("answer"));
            }
        }
    }

    private static List<String> shownLabels(WebDriver d) {
        return d.findElements(By.cssSelector("#labels input[type=radio]")).stream()
                .map(e -> e.getDomAttribute("value")).toList();
    }
}
