package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Every kind of page passes its Content-Security-Policy in headless Chromium, while it is used: sign-in, the queue,
 * the item page through commit, reveal and keep, an error page, tokens (list and a created token), the ops
 * overview with an export run through its form, the import page, the audit page with its SVG charts, the report,
 * the labels list, a timeline, and Swagger UI (whose page Blindfold serves without Quarkus's inline scripts). On each page a deliberate inline script is inserted: it must be
 * blocked and reported, which proves both that the policy is in force on that page and that the console is where
 * violations are caught; any other violation fails the test.
 */
@QuarkusTest
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    private static final String PROBE = "window.cspProbe = 'ran';";

    @Test
    void everyKindOfPageRunsUnderThePolicyWithoutAViolation() throws Exception {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        long labelled = 0;
        for (int i = 0; i < 2; i++) {
            labelled = TestData.next(f.annotator(), f.projectId());
            TestData.commit(f.annotator(), labelled, "Blind answer " + i);
            Api.as(f.annotator()).get("/api/assignments/" + labelled + "/drafts").then().statusCode(200);
            Api.as(f.annotator()).body(Map.of("decision", "REVISE", "answer", "Revised " + i))
                    .post("/api/assignments/" + labelled + "/final").then().statusCode(200);
        }
        WebDriver d = driver();

        d.get(url("login"));
        passes("the sign-in page");

        signIn(f.annotator());
        passes("the queue");
        d.findElement(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']")).click();
        chrome.await("the item page", presenceOfElementLocated(By.id("answer")));
        passes("the item page before the commit");
        d.findElement(By.id("answer")).sendKeys("My own blind answer");
        new Actions(d).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        chrome.await("the drafts", visibilityOfElementLocated(By.id("drafts-card")));
        chrome.await("the word diff", x -> !x.findElements(By.cssSelector("#drafts ins, #drafts del")).isEmpty());
        passes("the item page after the reveal, with its word diff");
        new Actions(d).sendKeys("k").perform();
        chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));
        passes("the item page after keep");
        d.get(url("no-such-page"));
        chrome.await("the error page", x -> x.getPageSource().contains("404"));
        passes("an error page");
        d.get(url("tokens"));
        passes("the tokens page");
        d.findElement(By.id("token-name")).sendKeys("csp check");
        d.findElement(By.id("create-token")).click();
        chrome.await("the created token", x -> x.getPageSource().contains("bf_"));
        passes("a created token");

        d.manage().deleteAllCookies();
        signIn(f.ops());
        d.get(url("projects/" + f.projectId() + "/overview"));
        passes("the ops overview");
        d.findElement(By.cssSelector("#export-form button[type=submit]")).click();
        chrome.await("the export to finish", x -> x.findElement(By.id("export-count")).getText().startsWith("Done:"));
        passes("the ops overview after an export through its form");
        d.get(url("projects/" + f.projectId() + "/import"));
        chrome.await("the import page", presenceOfElementLocated(By.id("import-file")));
        passes("the import page");

        d.manage().deleteAllCookies();
        signIn(f.auditor());
        d.get(url("projects/" + f.projectId() + "/audit"));
        assertEquals(3, d.findElements(By.cssSelector("svg.chart")).size(), "the drift charts are on the page");
        assertFalse(d.findElements(By.cssSelector("svg.chart polyline, svg.chart circle")).isEmpty(), "with data");
        passes("the audit page with its charts");
        d.get(url("projects/" + f.projectId() + "/audit/report"));
        passes("the audit report");
        d.get(url("projects/" + f.projectId() + "/audit/labels"));
        passes("the labels list");
        d.get(url("audit/assignments/" + labelled));
        chrome.await("the timeline", presenceOfElementLocated(By.cssSelector("[data-milestone]")));
        passes("a timeline");
    }

    @Test
    void swaggerUiLoadsUnderItsOwnNarrowPolicy() {
        driver().get(url("q/swagger-ui/"));
        chrome.await("Swagger UI to render the API's operations",
                x -> x.findElements(By.cssSelector(".opblock")).size() > 5);
        assertTrue(driver().findElement(By.cssSelector(".info .title")).getText().startsWith("Blindfold API"));
        passes("Swagger UI");
    }

    /**
     * The page has loaded without a violation of its own; then an inline script inserted into it is blocked, and
     * Chrome's report of it, naming that script's hash, is the only violation.
     */
    private void passes(String page) throws RuntimeException {
        chrome.awaitLoaded(page);
        assertEquals(List.of(), chrome.takeCspViolations(), page + ": violations while loading and using it");
        Object ran = chrome.js("const s = document.createElement('script'); s.textContent = arguments[0];"
                + " document.head.appendChild(s); return window.cspProbe === undefined ? null : window.cspProbe;", PROBE);
        assertNull(ran, page + ": an inline script ran, so the page has no policy against it");
        List<String> reported = chrome.await(page + ": the probe's violation in the console", x -> {
            List<String> v = chrome.takeCspViolations();
            return v.isEmpty() ? null : v;
        });
        assertEquals(1, reported.size(), page + ": " + reported);
        assertTrue(reported.get(0).contains("inline script") && reported.get(0).contains("'sha256-" + sha256(PROBE) + "'"),
                page + ": the violation is the probe's: " + reported.get(0));
        assertTrue(Chrome.isCspViolation(reported.get(0)));
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
