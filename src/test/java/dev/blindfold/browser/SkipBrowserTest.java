package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.labeling.Assignment;
import dev.blindfold.labeling.AssignmentStatus;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Skipping asks why on the page itself (no browser prompt), refuses an empty reason, and goes on to the next item. */
@QuarkusTest
class SkipBrowserTest extends BrowserTest {

    @Test
    void anAnnotatorSaysWhyOnThePageAndGoesOnToTheNextItem() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();
        signIn(f.annotator());
        d.get(url("projects/" + f.projectId() + "/next"));
        long first = awaitItemPage("the first item", -1);
        assertFalse(d.findElement(By.id("skip-form")).isDisplayed(), "no reason asked before Skip");

        d.findElement(By.id("skip")).click();
        chrome.await("the skip reason", visibilityOfElementLocated(By.id("skip-reason")));
        d.findElement(By.id("skip-cancel")).click();
        assertFalse(d.findElement(By.id("skip-form")).isDisplayed(), "Cancel closes it");

        d.findElement(By.id("skip")).click();
        chrome.await("the skip reason", visibilityOfElementLocated(By.id("skip-reason")));
        chrome.js("document.getElementById('skip-reason').required = false");
        d.findElement(By.id("skip-confirm")).click();
        assertEquals("Say why you skip this item.",
                chrome.await("the refusal", visibilityOfElementLocated(By.id("answer-error"))).getText());
        assertEquals(first, awaitItemPage("still the first item", -1), "nothing skipped without a reason");
        chrome.screenshot("skip-reason-asked.png");

        d.findElement(By.id("skip-reason")).sendKeys("Not in a language I read");
        d.findElement(By.id("skip-confirm")).click();
        long second = awaitItemPage("the next item", first);
        assertTrue(second != first);
        Assignment skipped = QuarkusTransaction.requiringNew().call(() -> Assignment.findById(first));
        assertEquals(AssignmentStatus.SKIPPED, skipped.status);
        assertEquals("Not in a language I read", skipped.skipReason);
        assertEquals("Item 2 of 2", d.findElement(By.id("progress")).getText(), "a skip does not change the total");
    }
}
