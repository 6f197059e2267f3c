package dev.blindfold.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus, {@code src/test/resources/bad-input/routes.json}: every API route with the user who may
 * call it, its valid body, and the bad inputs that apply to it. JSON-body routes also get the shared
 * {@code jsonBody} cases.
 */
record BadInputCorpus(List<Route> routes) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One route: {@code path} is the template as served ({@code /api/projects/{id}}). */
    record Route(String method, String path, String as, Map<String, String> params, String body, JsonNode valid,
                 List<JsonNode> cases) {

        String key() {
            return method + " " + path;
        }

        boolean takesJson() {
            return "json".equals(body);
        }

        boolean takesNdjson() {
            return "ndjson".equals(body);
        }
    }

    static BadInputCorpus load() {
        try (InputStream in = BadInputCorpus.class.getResourceAsStream("/bad-input/routes.json")) {
            JsonNode root = JSON.readTree(in);
            List<JsonNode> shared = list(root.get("jsonBody"));
            List<Route> routes = new ArrayList<>();
            for (JsonNode r : root.get("routes")) {
                List<JsonNode> cases = new ArrayList<>();
                if ("json".equals(r.path("body").asText(null))) {
                    cases.addAll(shared);
                }
                cases.addAll(list(r.get("cases")));
                Map<String, String> params = r.has("params")
                        ? JSON.convertValue(r.get("params"), JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class))
                        : Map.of();
                routes.add(new Route(r.get("method").asText(), r.get("path").asText(), r.get("as").asText(), params,
                        r.path("body").asText(null), r.get("valid"), cases));
            }
            return new BadInputCorpus(routes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null) {
            array.forEach(out::add);
        }
        return out;
    }

    /** A short, readable name for a case, for the test report. */
    static String describe(JsonNode c) {
        StringBuilder s = new StringBuilder(c.get("case").asText());
        for (String key : List.of("field", "param", "value", "repeat", "also", "text", "hex", "query", "contentType", "junk")) {
            if (c.has(key)) {
                String v = c.get(key).toString();
                s.append(' ').append(key).append('=').append(v.length() > 60 ? v.substring(0, 60) + "…" : v);
            }
        }
        return s.toString().replace("\u0000", "\\u0000");
    }
}
