package dev.blindfold.leaks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.exposure.ContentHash;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label ops list a project's flagged drafts a page at a time, redact or drop them while nobody has answered or seen
 * the item, and each change is an event in their own chain; annotators and auditors cannot touch them.
 */
@QuarkusTest
class FlaggedDraftsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theListComesAPageAtATimeInDraftIdOrderWithoutRepeats() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            file.append(LeakFixture.item("i" + i, new String[] {"zp", "zpf", "v1", "Mistral answer " + i},
                    new String[] {"zq", "zpf", "v1", "A clean answer " + i}));
        }
        p.importNdjson(file.toString());

        List<String> seen = new ArrayList<>();
        JsonPath page = p.flagged("?limit=2");
        int pages = 1;
        seen.addAll(page.getList("drafts.itemExternalId", String.class));
        while (page.get("next") != null) {
            page = p.flagged("?limit=2&after=" + page.getLong("next"));
            seen.addAll(page.getList("drafts.itemExternalId", String.class));
            pages++;
        }
        assertEquals(List.of("i0", "i1", "i2", "i3", "i4"), seen);
        assertEquals(3, pages);
        assertEquals(5, page.getInt("flagged"));
        assertEquals(List.of(), p.flagged("?after=" + Long.MAX_VALUE).getList("drafts"));
    }

    @Test
    void redactReplacesEveryNameCleansTheDraftAndIsLoggedInTheOpsChain() throws Exception {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        String before = "I am Claude (claude-3), trained by Anthropic. CLAUDE says hi; philosophy stays.";
        p.importNdjson(LeakFixture.item("r1", new String[] {"claude-3", "zfam", "v1", before},
                new String[] {"zother", "zfam", "v1", "Clean."}));
        long draft = p.flaggedDraftOf("r1");

        Api.as(p.ops()).post("/api/drafts/" + draft + "/redact").then().statusCode(200)
                .body("identityLeak", equalTo(null)).body("terms", equalTo(List.of("Claude", "claude-3", "Anthropic")));

        String after = "I am [model] ([model]), trained by [model]. [model] says hi; philosophy stays.";
        assertEquals(after, text(draft));
        assertEquals(0, p.flagged("").getInt("flagged"));
        assertEquals(List.of(), p.flagged("").getList("drafts"));
        JsonNode event = lastEvent(p.projectId(), "DRAFT_REDACTED");
        assertEquals(p.ops(), event.path("actor").asText());
        assertEquals(draft, event.path("draftId").asLong());
        assertEquals("r1", event.path("itemExternalId").asText());
        assertEquals(ContentHash.of(before), event.path("textHashBefore").asText());
        assertEquals(ContentHash.of(after), event.path("textHashAfter").asText());
        Api.as(p.ops()).post("/api/drafts/" + draft + "/redact").then().statusCode(409)
                .body("detail", containsString("nothing to redact"));
    }

    @Test
    void dropDeletesTheDraftAndIsLogged() throws Exception {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("d1", new String[] {"za", "zfam", "v1", "Grok here."},
                new String[] {"zb", "zfam", "v1", "Clean."}));
        long draft = p.flaggedDraftOf("d1");

        Api.as(p.ops()).delete("/api/drafts/" + draft).then().statusCode(200).body("itemExternalId", equalTo("d1"));

        assertNull(text(draft));
        assertEquals(0, p.flagged("").getInt("flagged"));
        JsonNode event = lastEvent(p.projectId(), "DRAFT_DROPPED");
        assertEquals(List.of("Grok"), JSON.convertValue(event.path("terms"), List.class));
        assertEquals(ContentHash.of("Grok here."), event.path("textHashBefore").asText());
        Api.as(p.ops()).delete("/api/drafts/" + draft).then().statusCode(404);
    }

    @Test
    void neitherIsAllowedOnceTheItemHasABlindAnswerOrAReveal() throws SQLException {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("c1", new String[] {"za", "zfam", "v1", "Qwen speaking."},
                new String[] {"zb", "zfam", "v1", "Clean."}));
        long draft = p.flaggedDraftOf("c1");
        String annotator = p.annotator();
        long aid = TestData.next(annotator, p.projectId());
        Api.as(p.ops()).post("/api/drafts/" + draft + "/redact").then().statusCode(200); // handed out, unanswered: allowed
        TestData.commit(annotator, aid, "My own answer.");

        Api.as(p.ops()).delete("/api/drafts/" + draft).then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("blind answer or revealed drafts"));
        assertEquals("[model] speaking.", text(draft));
    }

    @Test
    void aRevealAloneAlsoFreezesTheDrafts() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("v1", new String[] {"za", "zfam", "v1", "DeepSeek speaking."},
                new String[] {"zb", "zfam", "v1", "Clean."}));
        long draft = p.flaggedDraftOf("v1");
        String annotator = p.annotator();
        long aid = TestData.next(annotator, p.projectId());
        TestData.commit(annotator, aid, "Mine.");
        Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);

        Api.as(p.ops()).post("/api/drafts/" + draft + "/redact").then().statusCode(409);
        Api.as(p.ops()).delete("/api/drafts/" + draft).then().statusCode(409);
        assertEquals(1, p.flagged("").getInt("flagged"));
    }

    @Test
    void aPairwiseItemKeepsTwoDrafts() throws SQLException {
        LeakFixture p = LeakFixture.project("PAIRWISE");
        p.importNdjson(LeakFixture.item("two", new String[] {"za", "zf", "v1", "Llama here."},
                        new String[] {"zb", "zf", "v1", "Clean."})
                + LeakFixture.item("three", new String[] {"za", "zf", "v1", "Llama again."},
                        new String[] {"zb", "zf", "v1", "Clean."}, new String[] {"zc", "zf", "v1", "Also clean."}));

        Api.as(p.ops()).delete("/api/drafts/" + p.flaggedDraftOf("two")).then().statusCode(409)
                .body("detail", containsString("needs 2"));
        long three = p.flaggedDraftOf("three");
        Api.as(p.ops()).delete("/api/drafts/" + three).then().statusCode(200);
        assertNull(text(three));
        assertEquals(List.of("two"), p.flagged("").getList("drafts.itemExternalId", String.class));
    }

    @Test
    void onlyOpsAndAdminsUseTheApiAndAnnotatorsNeverSeeTheDrafts() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("x1", new String[] {"za", "zfam", "v1", "Copilot here, secret text."}));
        long draft = p.flaggedDraftOf("x1");
        String annotator = p.annotator();
        for (String who : List.of(annotator, TestData.user("auditor"))) {
            Api.as(who).get("/api/projects/" + p.projectId() + "/drafts/flagged").then().statusCode(403)
                    .body(not(containsString("secret text")));
            Api.as(who).post("/api/drafts/" + draft + "/redact").then().statusCode(403);
            Api.as(who).delete("/api/drafts/" + draft).then().statusCode(403);
        }
        Api.as(annotator).get("/projects/" + p.projectId() + "/drafts/flagged").then().statusCode(403)
                .body(not(containsString("secret text")));
        Api.as(TestData.user("admin")).get("/api/projects/" + p.projectId() + "/drafts/flagged").then().statusCode(200)
                .body("drafts[0].text", equalTo("Copilot here, secret text."));
    }

    @Test
    void badPagingIsA400AndAnUnknownProjectA404() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        for (String q : List.of("?limit=0", "?limit=201", "?limit=ten", "?after=-1", "?after=x")) {
            Api.as(p.ops()).get("/api/projects/" + p.projectId() + "/drafts/flagged" + q).then().statusCode(400)
                    .contentType(containsString("application/problem+json"));
        }
        Api.as(p.ops()).get("/api/projects/987654321/drafts/flagged").then().statusCode(404);
    }

    private String text(long draftId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT text FROM drafts WHERE id = ?")) {
            s.setLong(1, draftId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The payload of the project's last event of a type, with its actor's username as {@code actor}. */
    private JsonNode lastEvent(long projectId, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT u.username, e.payload, e.assignment_id FROM events e"
                     + " JOIN users u ON u.id = e.actor_id WHERE e.project_id = ? AND e.type = ? ORDER BY e.id DESC")) {
            s.setLong(1, projectId);
            s.setString(2, type);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a " + type + " event");
                ObjectNode payload = (ObjectNode) JSON.readTree(r.getString(2));
                assertNull(r.getObject(3), "no assignment");
                assertNotEquals(null, payload.get("draftId"));
                return payload.put("actor", r.getString(1));
            }
        }
    }
}
