package dev.blindfold.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Text people wrote for a page, as safe HTML: Markdown (what LLM answers and most inputs are written in), or a chat
 * ({@code [{"role": "user", "content": "…"}, …]}) as a conversation whose turns are Markdown. Rendered by
 * commonmark-java with raw HTML escaped and unsafe link targets dropped ({@code javascript:} and the like); images
 * become their alt text in brackets, so no page loads anything a text names. A single line break stays a line break,
 * as it was when text was shown as written.
 */
public final class RichText {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (tag.equals("a")) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            }).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private RichText() {
    }

    /** {@code text} as HTML: a conversation when it is a chat, else Markdown; null gives "". */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        JsonNode chat = chat(text);
        return chat == null ? markdown(text) : conversation(chat);
    }

    /** Markdown as HTML, raw HTML escaped, images as their alt text. */
    public static String markdown(String text) {
        Node document = PARSER.parse(text);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                StringBuilder alt = new StringBuilder();
                for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Text t) {
                        alt.append(t.getLiteral());
                    }
                }
                image.insertBefore(new Text("[image" + (alt.isEmpty() ? "" : ": " + alt) + "]"));
                image.unlink();
            }
        });
        return RENDERER.render(document);
    }

    /** The chat's turns, or null unless {@code text} is a JSON array of objects with a string role and content. */
    private static JsonNode chat(String text) {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(t);
            if (!node.isArray() || node.isEmpty()) {
                return null;
            }
            for (JsonNode turn : node) {
                if (!turn.isObject() || !turn.path("role").isTextual() || !turn.path("content").isTextual()) {
                    return null;
                }
            }
            return node;
        } catch (IOException e) {
            return null;
        }
    }

    private static String conversation(JsonNode chat) {
        StringBuilder html = new StringBuilder("<div class=\"chat\">\n");
        for (JsonNode turn : chat) {
            String role = turn.get("role").asText();
            String kind = ROLES.contains(role.toLowerCase(Locale.ROOT)) ? role.toLowerCase(Locale.ROOT) : "other";
            html.append("<div class=\"turn turn-").append(kind).append("\"><div class=\"role\">")
                    .append(RENDERER.render(new Text(role))).append("</div><div class=\"content\">")
                    .append(markdown(turn.get("content").asText())).append("</div></div>\n");
        }
        return html.append("</div>\n").toString();
    }
}
