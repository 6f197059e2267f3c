package dev.blindfold.leaks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * The flagged-drafts page marks the names in each draft (escaped, never raw HTML), gives ops Redact and Drop and
 * auditors neither, says what was done or why not; the overview links to it while any draft names its model.
 */
@QuarkusTest
class FlaggedDraftsPageTest {

    /** A well-formed CSRF token, sent as both cookie and field (the double-submit check). */
    private static final String CSRF = "dGFibGUtY3NyZi10b2tlbg";

    @Test
    void opsSeeTheNamesMarkedAndEscapedWithButtonsAuditorsWithout() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("m1", new String[] {"za", "zfam", "v1",
                "I am Claude <script>alert(1)</script> & friends."}));
        long draft = p.flaggedDraftOf("m1");

        page(p.ops(), p.projectId()).statusCode(200)
                .body(containsString("I am <mark>Claude</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends."))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("id=\"redact-" + draft + "\"")).body(containsString("id=\"drop-" + draft + "\""));
        page(TestData.user("auditor"), p.projectId()).statusCode(200).body(containsString("<mark>Claude</mark>"))
                .body(not(containsString("redact-" + draft))).body(not(containsString("drop-" + draft)));
    }

    @Test
    void theOverviewLinksToThePageWhileADraftNamesItsModel() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        String overview = "/projects/" + p.projectId() + "/overview";
        Api.as(p.ops()).accept(ContentType.HTML).get(overview).then().statusCode(200)
                .body(not(containsString("id=\"identity-leaks\"")));
        p.importNdjson(LeakFixture.item("o1", new String[] {"za", "zfam", "v1", "Gemini here."})
                + LeakFixture.item("o2", new String[] {"za", "zfam", "v1", "Bard here."}));
        Api.as(p.ops()).accept(ContentType.HTML).get(overview).then().statusCode(200)
                .body(containsString("href=\"/projects/" + p.projectId() + "/drafts/flagged\">2 drafts name their model"));
    }

    @Test
    void aRedactFromThePageSaysSoAndARefusedDropSaysWhyAsA409() {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("f1", new String[] {"za", "zfam", "v1", "Mixtral here."})
                + LeakFixture.item("f2", new String[] {"za", "zfam", "v1", "Cohere here."}));
        long first = p.flaggedDraftOf("f1");
        long second = p.flaggedDraftOf("f2");
        String annotator = p.annotator();
        var next = Api.as(annotator).get("/api/projects/" + p.projectId() + "/next").then().statusCode(200)
                .extract().jsonPath();
        long aid = next.getLong("assignmentId");
        String answered = next.getString("item.externalId");
        TestData.commit(annotator, aid, "Mine.");
        long open = answered.equals("f1") ? second : first;
        long frozen = answered.equals("f1") ? first : second;

        post(p, open, "redact").statusCode(303).header("Location",
                containsString("/projects/" + p.projectId() + "/drafts/flagged?after=0&done=redacted&draft=" + open));
        page(p.ops(), p.projectId()).statusCode(200).body(not(containsString("id=\"draft-" + open + "\"")));
        Api.as(p.ops()).accept(ContentType.HTML).get("/projects/" + p.projectId() + "/drafts/flagged?done=redacted&draft="
                + open).then().body(containsString("Draft " + open + " redacted."));
        post(p, frozen, "drop").statusCode(409).contentType(containsString("text/html"))
                .body(containsString("id=\"draft-refused\"")).body(containsString("cannot change"));
        post(p, 987654321L, "drop").statusCode(404);
    }

    private static ValidatableResponse page(String user, long projectId) {
        return Api.as(user).accept(ContentType.HTML).get("/projects/" + projectId + "/drafts/flagged").then();
    }

    private static ValidatableResponse post(LeakFixture p, long draft, String action) {
        return Api.as(p.ops()).redirects().follow(false).accept(ContentType.HTML).cookie("csrf-token", CSRF)
                .contentType(ContentType.URLENC).formParam("csrf-token", CSRF).formParam("after", "0")
                .post("/projects/" + p.projectId() + "/drafts/flagged/" + draft + "/" + action).then();
    }
}
