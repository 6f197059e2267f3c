package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the system chromedriver. Both paths are set explicitly,
 * so Selenium Manager never runs and nothing is downloaded at test time.
 */
final class Chrome implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String NOT_INSTALLED = "Chromium not installed: apt-get install chromium chromium-driver";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    /** Every console entry read so far (Chrome hands each out once); violations are taken from {@link #cspChecked}. */
    private final List<LogEntry> consoleSeen = new ArrayList<>();
    private int cspChecked;

    private Chrome(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test class when the browser is missing, except on CI ({@code CI=true}),
     * where a missing browser must fail the build instead of silently skipping the browser tests.
     */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        for (Path p : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(p)) {
                missing.add(p.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(NOT_INSTALLED + " (missing " + String.join(", ", missing)
                    + "; CI=true, so the browser tests must run, not skip)");
        }
        Assumptions.abort(NOT_INSTALLED);
    }

    static Chrome start() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Path profile = Files.createTempDirectory(target, "chrome-profile-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(new File("target/chromedriver.log"))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toString());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,800", "--user-data-dir=" + profile.toAbsolutePath());
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver driver = new ChromeDriver(service, options);
            // --window-size sets the outer window; the page itself must get 1280x800.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
            return new Chrome(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Throttles what the page uploads to {@code bytesPerSecond} (-1: no limit), to watch an upload progress. */
    void throttleUploads(long bytesPerSecond) {
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", bytesPerSecond));
    }

    /** Waits for a condition; on timeout fails with what was awaited, the URL and the browser console. */
    <T> T await(String what, ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what + " at " + driver.getCurrentUrl()
                    + "\nbrowser console:\n" + console(), e);
        }
    }

    /** Waits until the current document and its module scripts have loaded. */
    void awaitLoaded(String what) {
        await(what, d -> "complete".equals(js("return document.readyState")));
    }

    String console() {
        return readConsole().stream().map(LogEntry::toString).collect(Collectors.joining("\n"));
    }

    /**
     * The Content-Security-Policy violations Chrome reported in the console since the last call (it logs each
     * blocked script, style, frame or connection as "Refused to … because it violates the following Content
     * Security Policy directive: …").
     */
    List<String> takeCspViolations() {
        List<LogEntry> all = readConsole();
        List<String> violations = all.subList(cspChecked, all.size()).stream().map(LogEntry::getMessage)
                .filter(Chrome::isCspViolation).toList();
        cspChecked = all.size();
        return violations;
    }

    static boolean isCspViolation(String consoleMessage) {
        return consoleMessage.contains("Content Security Policy");
    }

    private List<LogEntry> readConsole() {
        consoleSeen.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return consoleSeen;
    }

    Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover profile under target/ is harmless
            }
        }
    }
}
