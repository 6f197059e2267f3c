package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Markdown and chats become HTML that can carry no markup, script or request of their own. */
class RichTextTest {

    @Test
    void markdownBecomesHtml() {
        String html = RichText.html("# Reset\n\n1. Open **Settings**\n2. Click `Reset`\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assertTrue(html.contains("<h1>Reset</h1>"), html);
        assertTrue(html.contains("<li>Open <strong>Settings</strong></li>"), html);
        assertTrue(html.contains("<code>Reset</code>"), html);
        assertTrue(html.contains("<table>") && html.contains("<td>2</td>"), html);
    }

    @Test
    void aSingleLineBreakStaysALineBreak() {
        assertEquals("<p>line one<br>\nline two</p>\n", RichText.html("line one\nline two"));
    }

    @Test
    void rawHtmlIsEscapedAndNothingRunsOrLoads() {
        String html = RichText.html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "[click](javascript:alert(1)) ![tracker](https://example.org/pixel.png) <b onclick=x>b</b>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b "), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("https://example.org/pixel.png"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("[image: tracker]"), html);
    }

    @Test
    void linksTellTheirTargetNothing() {
        assertEquals("<p><a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/a\">docs</a></p>\n",
                RichText.html("[docs](https://example.org/a)"));
    }

    @Test
    void aChatIsAConversationOfMarkdownTurns() {
        String html = RichText.html("[{\"role\": \"user\", \"content\": \"Is **this** ok?\"},"
                + " {\"role\": \"assistant\", \"content\": \"Yes.\"}, {\"role\": \"<i>x</i>\", \"content\": \"odd\"}]");
        assertTrue(html.startsWith("<div class=\"chat\">"), html);
        assertTrue(html.contains("<div class=\"turn turn-user\"><div class=\"role\">user</div><div class=\"content\"><p>Is"
                + " <strong>this</strong> ok?</p>"), html);
        assertTrue(html.contains("turn turn-assistant"), html);
        assertTrue(html.contains("<div class=\"turn turn-other\"><div class=\"role\">&lt;i&gt;x&lt;/i&gt;</div>"), html);
    }

    @Test
    void jsonThatIsNotAChatIsMarkdown() {
        assertEquals("<p>[1, 2]</p>\n", RichText.html("[1, 2]"));
        assertEquals("<p>[{&quot;role&quot;: &quot;user&quot;}]</p>\n", RichText.html("[{\"role\": \"user\"}]"));
        assertEquals("", RichText.html(null));
    }
}
