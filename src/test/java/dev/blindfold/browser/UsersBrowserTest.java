package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The admin runs accounts from the browser: create one with a role, deactivate it, and it can no longer sign in. */
@QuarkusTest
class UsersBrowserTest extends BrowserTest {

    @Test
    void anAdminCreatesAnAccountAndADeactivatedOneCannotSignIn() {
        WebDriver d = driver();
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        d.findElement(By.id("users-link")).click();
        chrome.await("the users page", presenceOfElementLocated(By.id("new-user")));
        String name = TestData.unique("chrome-user").toLowerCase(Locale.ROOT);
        d.findElement(By.id("new-username")).sendKeys(name);
        d.findElement(By.id("new-password")).sendKeys(Api.PASSWORD);
        d.findElement(By.id("new-role-annotator")).click();
        d.findElement(By.id("create-user")).click();
        chrome.await("the confirmation", visibilityOfElementLocated(By.id("users-done")));
        WebElement row = d.findElement(By.cssSelector("tr[data-user='" + name + "']"));
        assertTrue(row.findElement(By.cssSelector("input[value='annotator']")).isSelected());
        chrome.screenshot("users-page.png");

        row.findElement(By.cssSelector(".active-form button")).click();
        chrome.await("the deactivation", x -> x.findElement(By.id("users-done")).getText().contains("deactivated " + name));
        assertTrue(d.findElement(By.cssSelector("tr[data-user='" + name + "']")).getText().contains("deactivated"));

        d.manage().deleteAllCookies();
        d.get(url("login"));
        chrome.await("the sign-in form", presenceOfElementLocated(By.id("username"))).sendKeys(name);
        d.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        d.findElement(By.id("sign-in")).click();
        chrome.await("the refusal", visibilityOfElementLocated(By.cssSelector("p.alert")));
        assertTrue(d.findElements(By.cssSelector(".topbar .who")).isEmpty(), "not signed in");
    }
}
