package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.review.Adjudication;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A reviewer adjudicates in the browser: from the home page to the review queue, the item with its blind answers
 * and no draft, a pick committed, then the drafts revealed, and the adjudication kept; the queue then says it is done.
 */
@QuarkusTest
class ReviewBrowserTest extends BrowserTest {

    @Test
    void aReviewerPicksABlindAnswerCommitsThenSeesTheDraftsAndKeepsIt() {
        Fixture f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).body(Map.of("adjudicationBelow", 1.0)).patch("/api/projects/" + f.projectId()).then()
                .statusCode(200);
        List<String> answers = List.of("Use the reset link on the sign-in page.", "Ask support to reset it.");
        for (int i = 0; i < 2; i++) {
            String annotator = f.annotators().get(i);
            TestData.commit(annotator, TestData.next(annotator, f.projectId()), answers.get(i));
        }
        String reviewer = TestData.user("reviewer");
        WebDriver d = driver();
        signIn(reviewer);
        d.get(url(""));
        chrome.await("the review card", visibilityOfElementLocated(By.id("review-queue-link"))).click();
        chrome.await("the review queue", visibilityOfElementLocated(By.id("review-projects")));
        d.findElement(By.cssSelector("a[href='/review/projects/" + f.projectId() + "']")).click();

        chrome.await("the review page", visibilityOfElementLocated(By.id("commit-form")));
        String blind = d.getPageSource();
        for (String secret : f.secrets()) {
            assertFalse(blind.contains(secret), "no draft before the commit: " + secret);
        }
        for (String annotator : f.annotators()) {
            assertFalse(blind.contains(annotator), "no annotator named");
        }
        List<WebElement> shown = d.findElements(By.cssSelector("#commit-form .blind-answer .text"));
        assertEquals(2, shown.size());
        assertEquals(java.util.Set.copyOf(answers), java.util.Set.of(shown.get(0).getText(), shown.get(1).getText()));
        String picked = shown.get(1).getText();
        chrome.screenshot("review-blind.png");
        d.findElement(By.id("pick-2")).click();
        d.findElement(By.id("commit")).click();

        assertEquals(picked, chrome.await("the committed adjudication",
                visibilityOfElementLocated(By.id("committed-answer"))).getText());
        String committed = d.getPageSource();
        for (String secret : f.secrets()) {
            assertFalse(committed.contains(secret), "the drafts wait for the reveal: " + secret);
        }
        d.findElement(By.id("reveal")).click();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("draft-A")));
        assertTrue(d.findElements(By.cssSelector(".draft")).size() == 2);
        assertTrue(f.secrets().stream().anyMatch(s -> d.getPageSource().contains(s)), "the drafts are shown now");
        chrome.screenshot("review-revealed.png");
        d.findElement(By.id("keep")).click();

        chrome.await("the queue says it is done", visibilityOfElementLocated(By.id("review-finished")));
        long itemId = ((Number) QuarkusTransaction.requiringNew().call(() -> io.quarkus.hibernate.orm.panache.Panache
                .getEntityManager().createNativeQuery("SELECT id FROM items WHERE project_id = ?1")
                .setParameter(1, f.projectId()).getSingleResult())).longValue();
        Adjudication a = QuarkusTransaction.requiringNew().call(() -> Adjudication.findById(itemId));
        assertEquals("FINAL", a.status.name());
        assertEquals(picked, a.answer);
        assertEquals("blind_kept", a.exposure);
    }

    @Test
    void opsSetTheThresholdOnTheOverviewAndSeeWhatWasSent() {
        Fixture f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();
        signIn(f.ops());
        d.get(url("projects/" + f.projectId() + "/overview"));
        assertTrue(chrome.await("the adjudication line", visibilityOfElementLocated(By.id("adjudication"))).getText()
                .startsWith("Adjudication: off"));
        WebElement below = d.findElement(By.id("adjudication-below"));
        below.clear();
        below.sendKeys("0.75");
        d.findElement(By.id("save-adjudication")).click();
        chrome.await("the overview again", visibilityOfElementLocated(By.id("adjudication-sent")));
        assertEquals(0.75, Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().statusCode(200).extract()
                .jsonPath().getDouble("adjudicationBelow"));
        for (int i = 0; i < 2; i++) {
            String annotator = f.annotators().get(i);
            TestData.commit(annotator, TestData.next(annotator, f.projectId()), "answer " + i);
        }
        d.get(url("projects/" + f.projectId() + "/overview"));
        assertEquals("1", chrome.await("one item sent", visibilityOfElementLocated(By.id("adjudication-sent"))).getText());
    }
}
