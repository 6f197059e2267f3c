package dev.blindfold.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.support.TestData;
import dev.blindfold.web.BadInputCorpus.Route;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;

/** Turns a corpus case into the bad request to send, and says what its problem's detail should mention. */
final class BadRequests {

    static final int TEN_MB = 10 * 1024 * 1024;
    static final long OVERSIZE = 21L * 1024 * 1024;
    private static final String HUGE = "x".repeat(TEN_MB);
    private static final byte[] JUNK = junk();
    private static final String MARK = "\uE000";

    /** What to send: {@code declaredLength} set means headers only, declaring a body of that size. */
    record Bad(String method, String url, String contentType, byte[] body, Long declaredLength, String expect) {
    }

    private BadRequests() {
    }

    /** {@code context} maps placeholders ($project, $open, $annotator, ...) to this run's values. */
    static Bad build(Route route, JsonNode c, Map<String, String> context) throws JsonProcessingException {
        String kind = c.get("case").asText();
        Map<String, String> params = new java.util.HashMap<>();
        route.params().forEach((k, v) -> params.put(k, context.getOrDefault(v, v)));
        if (kind.equals("path")) {
            params.put(c.get("param").asText(), c.get("value").asText());
        }
        String url = path(route.path(), params) + query(c.get("query"));
        String type = c.has("contentType") ? c.get("contentType").asText()
                : route.takesNdjson() ? "application/x-ndjson" : "application/json";
        String expect = c.has("expect") ? c.get("expect").asText() : defaultExpect(kind, c);
        byte[] body = switch (kind) {
            case "raw" -> c.has("hex") ? HexFormat.of().parseHex(c.get("hex").asText())
                    : c.get("text").asText().getBytes(StandardCharsets.UTF_8);
            case "field", "without", "utf8", "escape" -> edited(route, c, context);
            case "huge" -> c.path("junk").asBoolean() ? JUNK : edited(route, c, context);
            case "oversize", "path", "query" -> route.valid() == null ? null : render(route, substitute(route.valid(), context));
            default -> throw new IllegalArgumentException("unknown case kind " + kind);
        };
        return new Bad(route.method(), url, body == null ? null : type, body, kind.equals("oversize") ? OVERSIZE : null, expect);
    }

    private static String defaultExpect(String kind, JsonNode c) {
        String field = c.has("field") ? c.get("field").asText().replaceAll(".*\\.", "") : null;
        return switch (kind) {
            case "field", "without" -> field;
            case "utf8" -> "UTF-8|JSON";
            case "escape" -> "(?s)(?=.*\\b" + java.util.regex.Pattern.quote(field) + "\\b)(?=.*not valid Unicode)";
            case "huge" -> field + "|larger than";
            case "oversize" -> "larger than 20 MiB";
            case "path" -> "not found|not a valid|was not found";
            default -> ".";
        };
    }

    private static byte[] edited(Route route, JsonNode c, Map<String, String> context) throws JsonProcessingException {
        JsonNode body = substitute(route.valid(), context);
        String[] steps = c.get("field").asText().split("\\.");
        ContainerNode<?> parent = (ContainerNode<?>) body;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = parent instanceof ArrayNode a ? a.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
            parent = (ContainerNode<?>) next;
        }
        String last = steps[steps.length - 1];
        String kind = c.get("case").asText();
        if (kind.equals("without")) {
            ((ObjectNode) parent).remove(last);
            return render(route, body);
        }
        JsonNode value = switch (kind) {
            case "huge" -> BadInputCorpus.JSON.getNodeFactory().textNode(HUGE);
            case "utf8", "escape" -> BadInputCorpus.JSON.getNodeFactory().textNode("a" + MARK + "b");
            default -> c.has("repeat") ? BadInputCorpus.JSON.getNodeFactory().textNode("x".repeat(c.get("repeat").asInt()))
                    : c.get("value");
        };
        ((ObjectNode) parent).set(last, value);
        if (c.has("also")) {
            ((ObjectNode) parent).setAll((ObjectNode) c.get("also"));
        }
        byte[] bytes = render(route, body);
        if (!kind.equals("utf8") && !kind.equals("escape")) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(kind.equals("utf8") ? HexFormat.of().parseHex(c.get("hex").asText())
                : c.get("text").asText().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(text.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** JSON routes take the document; an NDJSON import takes it as its one line. */
    private static byte[] render(Route route, JsonNode body) throws JsonProcessingException {
        String text = BadInputCorpus.JSON.writeValueAsString(body);
        return (route.takesNdjson() ? text + "\n" : text).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode substitute(JsonNode valid, Map<String, String> context) {
        JsonNode copy = valid.deepCopy();
        replace(copy, context);
        return copy;
    }

    private static void replace(JsonNode node, Map<String, String> context) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && e.getValue().asText().startsWith("$")) {
                    String key = e.getValue().asText();
                    e.setValue(o.textNode(key.equals("$unique") ? TestData.unique("bad") : context.get(key)));
                } else {
                    replace(e.getValue(), context);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> replace(n, context));
        }
    }

    private static String path(String template, Map<String, String> params) {
        Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(encode(params.get(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    private static String query(JsonNode query) {
        if (query == null) {
            return "";
        }
        StringJoiner q = new StringJoiner("&", "?", "");
        query.fields().forEachRemaining(e -> q.add(encode(e.getKey()) + "=" + encode(e.getValue().asText())));
        return q.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** 10 MB that is not JSON, CSV or text: control bytes, stray quotes and braces. */
    private static byte[] junk() {
        byte[] b = new byte[TEN_MB];
        byte[] pattern = "\u0001}{\"\\ ]:,\u0007".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            b[i] = pattern[i % pattern.length];
        }
        return b;
    }
}
