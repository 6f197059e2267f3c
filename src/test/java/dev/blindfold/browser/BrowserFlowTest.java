package dev.blindfold.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The annotator's loop in a real browser: sign in, open the queue, write and commit a blind answer
 * with the keyboard, see the drafts only afterwards, revise or keep, go on; then check on the server
 * (as the project's auditor) that the page reported what happened, in the right order.
 */
@QuarkusTest
class BrowserFlowTest extends BrowserTest {

    private static final String TYPED = "Open the sign-in page and ";
    private static final String PASTED = "click Forgot password to get a reset link by email.";
    private static final String REVISED = "Click Forgot password on the sign-in page; the reset link arrives by email.";


    @Test
    void freeTextAnswerIsCommittedBlindBeforeDraftsAppearAndTheLogRecordsPasteCommitRevealAndRevision() throws Exception {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();

        signIn(f.annotator());
        WebElement start = d.findElement(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']"));
        List<WebElement> cells = start.findElement(By.xpath("./ancestor::tr")).findElements(By.tagName("td"));
        assertEquals("0 of 2", cells.get(2).getText().strip(), "queue row shows the progress");
        assertEquals("Start labeling", start.getText().strip());
        start.click();

        long aid = awaitItemPage("the first item page", -1);
        assertEquals("Item 1 of 2", d.findElement(By.id("progress")).getText());
        assertNoneIn(f.secrets(), d.getPageSource(), "item page before the blind commit");
        assertFalse(d.findElement(By.id("drafts-card")).isDisplayed(), "drafts card is hidden before the commit");
        assertEquals("", d.findElement(By.id("drafts")).getDomProperty("innerHTML").strip(), "no drafts in the DOM");

        WebElement answer = d.findElement(By.id("answer"));
        answer.sendKeys(TYPED);
        paste(answer, PASTED);
        assertEquals(TYPED + PASTED, answer.getDomProperty("value"), "typed then pasted text is in the textarea");
        assertFalse(d.findElement(By.id("drafts-card")).isDisplayed(), "still hidden while writing");

        ctrlEnter();
        chrome.await("the drafts to be revealed", visibilityOfElementLocated(By.id("drafts-card")));
        chrome.await("both drafts", d2 -> d2.findElements(By.cssSelector("#drafts .draft")).size() == 2);
        assertEquals(List.of("Draft A", "Draft B"), d.findElements(By.cssSelector("#drafts .draft h3")).stream()
                .map(WebElement::getText).toList());
        String draftsText = d.findElement(By.id("drafts-card")).getText();
        Set<String> shownDraftWords = matches(Pattern.compile("zdrafttext\\w+"), draftsText);
        Set<String> fixtureDraftWords = f.secrets().stream().filter(s -> s.startsWith("zdrafttext"))
                .map(s -> s.split(" ")[0]).collect(Collectors.toSet());
        assertEquals(2, shownDraftWords.size(), "two draft texts are shown: " + draftsText);
        assertTrue(fixtureDraftWords.containsAll(shownDraftWords), "the drafts are this fixture's: " + shownDraftWords);
        assertEquals(1, shownDraftWords.stream().map(w -> w.substring(0, w.length() - 1)).distinct().count(),
                "both drafts belong to the one item on the page: " + shownDraftWords);
        assertNoneIn(f.secrets().stream().filter(s -> !s.startsWith("zdrafttext")).toList(), d.getPageSource(),
                "item page after reveal (model, family and version stay hidden)");
        assertEquals(TYPED + PASTED, blindAnswerOnPage(), "the committed blind answer is shown as written");
        Path shot = chrome.screenshot("item-after-reveal.png");
        assertTrue(Files.size(shot) > 0, "screenshot written to " + shot);
        assertTrue(d.findElements(By.cssSelector("#drafts .draft-plain")).stream().allMatch(WebElement::isDisplayed),
                "each draft is shown as written");
        assertTrue(d.findElements(By.cssSelector("#drafts ins, #drafts del")).stream().noneMatch(WebElement::isDisplayed),
                "the diff waits to be asked for");
        new Actions(d).sendKeys("=").perform();
        chrome.await("the word diff", x -> x.findElements(By.cssSelector("#drafts ins, #drafts del")).stream()
                .anyMatch(WebElement::isDisplayed));
        assertTrue(d.findElements(By.cssSelector("#drafts .draft-plain")).stream().noneMatch(WebElement::isDisplayed));
        assertTrue(d.findElement(By.id("diff-legend")).isDisplayed());
        chrome.screenshot("item-after-reveal-diff.png");
        d.findElement(By.id("diff-toggle")).click();
        chrome.await("the drafts as written again", x -> x.findElements(By.cssSelector("#drafts .draft-plain")).stream()
                .allMatch(WebElement::isDisplayed));

        d.findElement(By.id("revise-toggle")).click();
        WebElement revise = chrome.await("the revise box", visibilityOfElementLocated(By.id("revise-answer")));
        assertEquals(TYPED + PASTED, revise.getDomProperty("value"), "revising starts from the blind answer");
        revise.clear();
        revise.sendKeys(REVISED);
        d.findElement(By.id("save-revision")).click();
        WebElement next = chrome.await("the done card", visibilityOfElementLocated(By.id("next")));
        assertTrue(d.findElement(By.id("final-card")).getText().contains("Saved: Revise"));
        assertFalse(d.findElement(By.id("final-actions")).isDisplayed(), "keep/accept/revise are gone once saved");
        assertEquals(TYPED + PASTED, blindAnswerOnPage(), "the blind answer stays unchanged after the revision");
        assertTrue(next.getText().startsWith("Next item"));

        new Actions(d).sendKeys("n").perform();
        long second = awaitItemPage("the second item page", aid);
        assertEquals("Item 2 of 2", d.findElement(By.id("progress")).getText());
        assertEquals("ASSIGNED", d.findElement(By.id("item-page")).getDomAttribute("data-status"));
        assertEquals("", d.findElement(By.id("answer")).getDomProperty("value"), "the second item starts empty");
        assertFalse(d.findElement(By.id("drafts-card")).isDisplayed(), "second item's drafts are hidden");
        assertNoneIn(f.secrets(), d.getPageSource(), "second item page before its commit");

        List<Map<String, Object>> events = events(f.auditor(), aid);
        List<String> types = events.stream().map(e -> (String) e.get("type")).toList();
        int committed = types.indexOf("BLIND_COMMITTED");
        int revealed = types.indexOf("DRAFTS_REVEALED");
        assertTrue(committed >= 0 && revealed > committed, "BLIND_COMMITTED comes before DRAFTS_REVEALED: " + types);
        assertTrue(seq(events.get(committed)) < seq(events.get(revealed)), "and so do their chain positions");
        assertEquals(1, types.stream().filter("BLIND_COMMITTED"::equals).count(), types.toString());
        assertEquals(TYPED + PASTED, data(events.get(committed)).get("answer"),
                "the committed blind answer is exactly what was typed and pasted");

        Map<String, Object> paste = only(events, "PASTE");
        assertEquals(PASTED.length(), data(paste).get("chars"), "PASTE records the pasted length");
        assertEquals("answer", data(paste).get("field"));
        assertEquals(Boolean.TRUE, paste.get("clientClaimed"), "PASTE is a client claim");
        assertTrue(events.indexOf(paste) < committed, "the paste was flushed before the commit: " + types);

        List<Object> firstInputFields = events.stream().filter(e -> "FIRST_INPUT".equals(e.get("type")))
                .map(e -> data(e).get("field")).toList();
        assertEquals(List.of("answer", "revise-answer"), firstInputFields, "one FIRST_INPUT per field, in order");
        assertTrue(types.indexOf("FIRST_INPUT") < committed, "first input was flushed before the commit: " + types);
        int keystrokesBeforeCommit = events.subList(0, committed).stream()
                .filter(e -> "KEYSTROKES".equals(e.get("type")))
                .mapToInt(e -> ((Number) data(e).get("count")).intValue()).sum();
        assertTrue(keystrokesBeforeCommit >= TYPED.length(),
                "typed keys counted before the commit (" + keystrokesBeforeCommit + "): " + types);

        Map<String, Object> fin = only(events, "FINAL_SAVED");
        assertEquals("REVISE", data(fin).get("decision"));
        assertEquals(REVISED, data(fin).get("answer"));
        assertTrue(events.indexOf(fin) > revealed, types.toString());
        assertEquals(Boolean.FALSE, fin.get("clientClaimed"), "FINAL_SAVED is the server's own event");
        assertTrue(events(f.auditor(), second).stream().noneMatch(e -> "DRAFTS_REVEALED".equals(e.get("type"))),
                "nothing revealed for the second item");
    }

    @Test
    void categoricalLabelIsPickedWithNumberKeyCommittedWithCtrlEnterAndKeptWithK() {
        Fixture f = TestData.project("CATEGORICAL", List.of("spam", "ham"), 1, 1, 1, "REVEAL_AFTER_COMMIT");
        WebDriver d = driver();

        signIn(f.annotator());
        WebElement start = d.findElement(By.cssSelector("a[href='/projects/" + f.projectId() + "/next']"));
        start.click();
        long aid = awaitItemPage("the item page", -1);
        assertNoneIn(f.secrets(), d.getPageSource(), "categorical item page before the commit");
        assertFalse(d.findElement(By.id("drafts-card")).isDisplayed());

        // the project shuffles its labels per assignment: key 2 picks the second label as displayed
        List<String> shown = d.findElements(By.cssSelector("#labels input[type=radio]")).stream()
                .map(e -> e.getDomAttribute("value")).toList();
        String second = shown.get(1);
        new Actions(d).sendKeys("2").perform();
        chrome.await("label 2 to be picked", d2 -> d2.findElement(By.cssSelector("input[value='" + second + "']")).isSelected());
        assertFalse(d.findElement(By.cssSelector("input[value='" + shown.get(0) + "']")).isSelected());

        ctrlEnter();
        chrome.await("the drafts to be revealed", visibilityOfElementLocated(By.id("drafts-card")));
        assertEquals(List.of("Draft A", "Draft B"), d.findElements(By.cssSelector("#drafts .draft h3")).stream()
                .map(WebElement::getText).toList());
        assertNoneIn(f.secrets(), d.getPageSource(), "categorical item page after reveal");
        assertEquals(second, blindAnswerOnPage());
        assertEquals(second, d.findElement(By.id("revise-answer")).getDomProperty("value"),
                "a revision starts from the blind label, not the first one (the form is hidden until R)");

        new Actions(d).sendKeys("k").perform();
        chrome.await("the done card", visibilityOfElementLocated(By.id("done-card")));
        assertTrue(d.findElement(By.id("final-card")).getText().contains("Saved: Keep"));

        List<Map<String, Object>> events = events(f.auditor(), aid);
        List<String> types = events.stream().map(e -> (String) e.get("type")).toList();
        int committed = types.indexOf("BLIND_COMMITTED");
        assertTrue(committed >= 0 && types.indexOf("DRAFTS_REVEALED") > committed, types.toString());
        assertEquals(second, data(events.get(committed)).get("answer"));
        Map<String, Object> firstInput = only(events, "FIRST_INPUT");
        assertEquals("label", data(firstInput).get("field"), "picking a label by key counts as first input");
        assertTrue(events.indexOf(firstInput) < committed, types.toString());
        Map<String, Object> fin = only(events, "FINAL_SAVED");
        assertEquals("KEEP", data(fin).get("decision"));
        assertEquals(second, data(fin).get("answer"));
    }

    // ---- steps ----


    /** Waits for an item page other than {@code previous} and returns its assignment id. */
    /**
     * A real clipboard round trip: the text is put in a temporary input, selected and copied with
     * Ctrl+C, then pasted at the end of the field with Ctrl+V. Headless Chromium (--headless=new)
     * has its own in-process clipboard, so this works without a display or clipboard permissions,
     * and Chromium fires a genuine, trusted paste event whose clipboardData the page reads and
     * then inserts the text itself. It passed on every run here, so no synthetic ClipboardEvent
     * fallback is used: a synthetic event would exercise only the listener, not the browser's paste.
     * The caller checks that the text really arrived in the field.
     */
    private void paste(WebElement field, String text) {
        chrome.js("const i = document.createElement('input'); i.id = 'clipboard-source'; i.value = arguments[0];"
                + " document.body.appendChild(i); i.focus(); i.select();", text);
        new Actions(driver()).keyDown(Keys.CONTROL).sendKeys("c").keyUp(Keys.CONTROL).perform();
        chrome.js("document.getElementById('clipboard-source').remove(); const t = arguments[0]; t.focus();"
                + " t.setSelectionRange(t.value.length, t.value.length);", field);
        new Actions(driver()).keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();
    }

    private void ctrlEnter() {
        new Actions(driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    }

    private String blindAnswerOnPage() {
        return chrome.await("the blind answer", presenceOfElementLocated(By.id("blind-answer")))
                .getDomProperty("textContent");
    }

    // ---- checks ----

    private static void assertNoneIn(List<String> secrets, String text, String where) {
        List<String> leaked = secrets.stream().filter(text::contains).toList();
        assertTrue(leaked.isEmpty(), where + " leaks " + leaked);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<Map<String, Object>> events(String reader, long assignmentId) {
        return Api.as(reader).get("/api/assignments/" + assignmentId + "/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static long seq(Map<String, Object> event) {
        return ((Number) event.get("seq")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    private static Map<String, Object> only(List<Map<String, Object>> events, String type) {
        List<Map<String, Object>> found = events.stream().filter(e -> type.equals(e.get("type"))).toList();
        assertEquals(1, found.size(), "exactly one " + type + " in "
                + events.stream().map(e -> e.get("type")).toList());
        return found.get(0);
    }


}
