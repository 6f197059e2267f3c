package dev.blindfold.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A gold item cannot be told apart by the annotator: two annotators, each the only member of a project with one item
 * of the same content, one a gold item and one a regular item, get the same responses through the whole blind loop —
 * item API and page, headers, home page progress, commit, reveal, final, the routes they are refused — once the
 * project's and their own ids, names and times are replaced by placeholders.
 */
@QuarkusTest
class GoldIndistinguishabilityTest {

    private static final String ITEM = "{\"externalId\":\"q-1\",\"input\":\"Question: how do I reset my password?\","
            + "\"drafts\":[{\"model\":\"m\",\"family\":\"f\",\"version\":\"v\",\"text\":\"Use the reset link.\"},"
            + "{\"model\":\"n\",\"family\":\"g\",\"version\":\"w\",\"text\":\"Ask an admin.\"}]%s}\n";

    /** Headers whose values are per response whatever the item: the date, the length (ids differ in digits). */
    private static final Set<String> PER_RESPONSE = Set.of("date", "content-length", "set-cookie");

    private record Side(String annotator, long projectId, String projectName, List<String> volatiles) {
    }

    @Test
    void aGoldItemAndARegularItemLookTheSameToTheAnnotator() {
        String ops = TestData.user("ops");
        Side gold = side(ops, String.format(ITEM, ",\"gold\":\"Use the reset link.\""));
        Side regular = side(ops, String.format(ITEM, ""));
        Api.as(ops).body(Map.of("goldRate", 0.5)).patch("/api/projects/" + regular.projectId()).then().statusCode(200);
        Api.as(ops).body(Map.of("goldRate", 0.5)).patch("/api/projects/" + gold.projectId()).then().statusCode(200);
        List<String> seenGold = walkThrough(gold);
        List<String> seenRegular = walkThrough(regular);
        assertEquals(seenRegular.size(), seenGold.size());
        assertTrue(seenGold.get(3).startsWith("200") && seenGold.get(3).contains("how do I reset my password"),
                "the item page itself was compared: " + seenGold.get(3));
        for (int i = 0; i < seenGold.size(); i++) {
            assertEquals(seenRegular.get(i), seenGold.get(i), "response " + i + " differs between gold and regular");
        }
        assertEquals(1, Api.as(ops).get("/api/projects/" + gold.projectId() + "/gold-accuracy").then().statusCode(200)
                .extract().jsonPath().getInt("annotators[0].blind.right"), "the gold side did answer a gold item");
    }

    private static Side side(String ops, String ndjson) {
        String annotator = TestData.user("annotator");
        long projectId = TestData.project(ops, "FREE_TEXT", null, 1, "REVEAL_AFTER_COMMIT", ndjson, List.of(annotator));
        String name = Api.as(ops).get("/api/projects/" + projectId).then().extract().jsonPath().getString("name");
        return new Side(annotator, projectId, name, new ArrayList<>(List.of(name, annotator)));
    }

    /** Everything the annotator sees from the home page to their final answer, normalised, one entry a response. */
    private static List<String> walkThrough(Side s) {
        List<String> seen = new ArrayList<>();
        Browser browser = Browser.signIn(s.annotator());
        String pid = String.valueOf(s.projectId());
        seen.add(normal(s, browser.page().get("/"), "PID", pid));
        Response next = Api.as(s.annotator()).get("/api/projects/" + pid + "/next");
        long aid = next.jsonPath().getLong("assignmentId");
        String a = String.valueOf(aid);
        seen.add(normal(s, next, "PID", pid, "AID", a));
        seen.add(normal(s, browser.page().get("/projects/" + pid + "/next"), "PID", pid, "AID", a));
        seen.add(normal(s, browser.page().get("/assignments/" + a), "PID", pid, "AID", a));
        seen.add(normal(s, browser.page().get("/"), "PID", pid, "AID", a));
        seen.add(normal(s, Api.as(s.annotator()).get("/api/projects/" + pid), "PID", pid));
        seen.add(normal(s, Api.as(s.annotator()).get("/api/projects"), "PID", pid));
        for (String refused : List.of("/api/assignments/" + a + "/events", "/api/assignments/" + a + "/timeline",
                "/api/projects/" + pid + "/gold-accuracy", "/api/assignments/" + a + "/drafts")) {
            seen.add(normal(s, Api.as(s.annotator()).get(refused), "PID", pid, "AID", a));
        }
        seen.add(normal(s, Api.as(s.annotator()).body(Map.of("answer", "Use the reset link."))
                .post("/api/assignments/" + a + "/blind"), "PID", pid, "AID", a));
        Response drafts = Api.as(s.annotator()).get("/api/assignments/" + a + "/drafts");
        seen.add(drafts.statusCode() + " " + new TreeMap<>(Map.of("texts",
                new java.util.TreeSet<>(drafts.jsonPath().getList("text", String.class)).toString())));
        seen.add(normal(s, browser.page().get("/assignments/" + a), "PID", pid, "AID", a));
        seen.add(normal(s, Api.as(s.annotator()).body(Map.of("decision", "KEEP"))
                .post("/api/assignments/" + a + "/final"), "PID", pid, "AID", a));
        seen.add(normal(s, browser.page().get("/"), "PID", pid, "AID", a));
        seen.add(normal(s, Api.as(s.annotator()).get("/api/projects/" + pid + "/next"), "PID", pid));
        return seen;
    }

    /**
     * Status, headers and body, with the side's own names, the given ids (where they name a project or assignment: in
     * a path, a JSON field or a data- attribute; small ids also occur as other numbers) and times or tokens made neutral.
     */
    private static String normal(Side s, Response r, String... placeholders) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().asList().forEach(h -> {
            if (!PER_RESPONSE.contains(h.getName().toLowerCase(java.util.Locale.ROOT))) {
                headers.merge(h.getName(), h.getValue(), (x, y) -> x + ", " + y);
            }
        });
        String text = r.statusCode() + "\n" + new TreeMap<>(headers) + "\n" + r.asString();
        for (String volatile_ : s.volatiles()) {
            text = text.replace(volatile_, "<" + (volatile_.equals(s.annotator()) ? "ME" : "NAME") + ">");
        }
        for (int i = 0; i < placeholders.length; i += 2) {
            String where = placeholders[i].equals("PID") ? "/projects/|/api/projects/|\"id\":|\"projectId\":|data-project=\""
                    : "/assignments/|\"assignmentId\":|data-assignment=\"";
            text = text.replaceAll("(" + where + ")" + placeholders[i + 1] + "(?![0-9])", "$1<" + placeholders[i] + ">");
        }
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\d[T ][0-9:.]+Z?", "<TIME>")
                .replaceAll("nonce-[A-Za-z0-9+/=_-]+", "nonce-<N>").replaceAll("nonce=\"[^\"]+\"", "nonce=\"<N>\"")
                .replaceAll("(name=\"csrf-token\" value=\")[^\"]+", "$1<CSRF>")
                .replaceAll("(content=\")[A-Za-z0-9+/=_-]{20,}(\")", "$1<TOKEN>$2");
    }
}
