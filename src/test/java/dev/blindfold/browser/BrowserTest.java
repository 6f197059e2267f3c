package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import dev.blindfold.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What every browser test class shares: one headless Chromium per class, each test starting signed out,
 * and signing in through the real form. The browser is checked per test (not in a @BeforeAll) so that a
 * skip is reported on each test with its message: Surefire counts a class aborted in @BeforeAll as zero
 * tests run and shows no reason.
 */
abstract class BrowserTest {

    static Chrome chrome;

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void quitChrome() {
        if (chrome != null) {
            chrome.close();
            chrome = null;
        }
    }

    /** Whatever a test did, no page it showed broke the Content-Security-Policy (SecurityHeaders). */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        if (chrome != null) {
            assertEquals(java.util.List.of(), chrome.takeCspViolations(), "CSP violations in the browser console");
        }
    }

    @BeforeEach
    void signedOutInChrome() {
        Chrome.requireInstalled();
        if (chrome == null) {
            chrome = Chrome.start();
        }
        driver().get(url("login"));
        driver().manage().deleteAllCookies();
    }

    /** Signs in through the form and waits for the session bar to name the user. */
    void signIn(String username) {
        signIn(username, Api.PASSWORD);
    }

    void signIn(String username, String password) {
        WebDriver d = driver();
        d.get(url("login"));
        chrome.await("the sign-in form", presenceOfElementLocated(By.id("username"))).sendKeys(username);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("sign-in")).click();
        chrome.await("the session bar", presenceOfElementLocated(By.cssSelector(".topbar .who")));
        assertEquals(username, d.findElement(By.cssSelector(".topbar .who")).getText());
        chrome.awaitLoaded("the landing page");
    }

    static WebDriver driver() {
        return chrome.driver();
    }

    /** Waits for an item page of an assignment other than {@code previous} (-1: any), loaded; returns its id. */
    long awaitItemPage(String what, long previous) {
        String aid = chrome.await(what, d -> {
            List<WebElement> page = d.findElements(By.id("item-page"));
            String id = page.isEmpty() ? null : page.get(0).getDomAttribute("data-assignment");
            return id != null && !id.equals(String.valueOf(previous)) ? id : null;
        });
        chrome.awaitLoaded(what);
        return Long.parseLong(aid);
    }

    /** Submits the overview's export form and waits for it to say "Done: …"; returns that line. */
    static String exportFromOverview() {
        driver().findElement(By.cssSelector("#export-form button[type=submit]")).click();
        return chrome.await("the export to finish", x -> {
            String text = x.findElement(By.id("export-count")).getText();
            return text.startsWith("Done:") ? text : null;
        });
    }

    /** The file the export page saved into {@code downloads} for that export, once it is there (null until then). */
    static Path savedExport(Path downloads, String exportId, String extension) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().contains(exportId)
                    && p.getFileName().toString().endsWith(extension)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + "/" + path;
    }
}
