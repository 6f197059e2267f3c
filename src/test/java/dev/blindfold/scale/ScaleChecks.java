package dev.blindfold.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.ExposureClass;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * That the seeded history is what the app reads it as, from the views that answered: the chain verify finds every
 * event and no break, and the report counts the labels of each exposure class that {@link LabelHistory} wrote.
 * Views that failed (today's 500s and timeouts) check nothing; they are the figures.
 */
final class ScaleChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPOSURE = Pattern.compile("\"exposure\":(\\{[^}]*})");

    private ScaleChecks() {
    }

    static void seededAsClassified(List<ViewTimes.Result> results, LabelHistory.Written written) throws IOException {
        for (ViewTimes.Result r : results) {
            if (!r.ok()) {
                continue;
            }
            String body = r.runs().get(0).body();
            if (r.view().template().endsWith("/verify")) {
                JsonNode verify = JSON.readTree(body);
                assertTrue(verify.get("ok").asBoolean(), body);
                assertEquals(written.events(), verify.get("events").asLong(), body);
            } else if (r.view().template().endsWith("/report")) {
                Matcher m = EXPOSURE.matcher(body);
                assertTrue(m.find(), "no exposure counts in the report's first " + BenchHttp.KEPT + " bytes");
                Map<String, Integer> expected = new TreeMap<>();
                written.classes().forEach((c, n) -> expected.put(c.wireName(), n));
                Map<String, Integer> counted = new TreeMap<>();
                JSON.readTree(m.group(1)).fields().forEachRemaining(e -> {
                    if (e.getValue().asInt() > 0) {
                        counted.put(e.getKey(), e.getValue().asInt());
                    }
                });
                assertEquals(expected, counted, "labels per exposure class: seeded vs the report");
            }
        }
    }

    /** The classes the seeding wrote, by wire name, for the results file. */
    static String classes(LabelHistory.Written written) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<ExposureClass, Integer> e : written.classes().entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(e.getKey().wireName()).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%,d", e.getValue()));
        }
        return out.toString();
    }
}
