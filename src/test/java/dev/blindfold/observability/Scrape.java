package dev.blindfold.observability;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of {@code /q/metrics} (Prometheus text), queried by metric name and a subset of its labels. */
final class Scrape {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Series(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Series> series;

    private Scrape(String text, List<Series> series) {
        this.text = text;
        this.series = series;
    }

    static Scrape now() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            int brace = key.indexOf('{');
            Map<String, String> labels = new HashMap<>();
            if (brace >= 0) {
                Matcher m = LABEL.matcher(key.substring(brace));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            series.add(new Series(brace >= 0 ? key.substring(0, brace) : key, labels,
                    Double.parseDouble(line.substring(space + 1))));
        }
        return new Scrape(text, series);
    }

    /** The sum of every series named {@code name} whose labels include {@code labels} (k1, v1, k2, v2, ...); 0 if none. */
    double value(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Series::value).sum();
    }

    List<Series> matching(String name, String... labels) {
        return series.stream().filter(s -> s.name().equals(name) && has(s.labels(), labels)).toList();
    }

    /** How far a series moved since {@code before}. */
    double since(Scrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    String text() {
        return text;
    }

    private static boolean has(Map<String, String> actual, String... wanted) {
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(actual.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }
}
