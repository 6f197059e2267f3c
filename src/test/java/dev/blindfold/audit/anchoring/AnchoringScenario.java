package dev.blindfold.audit.anchoring;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A FREE_TEXT project of two items labeled by three annotators through the API. a: first label's blind answer
 * wholly pasted, revealed, a draft accepted; second blind only. b: first label with 3 focus losses before the
 * commit, revealed, revised; second revealed and kept. c: both blind only. Blind answers per item: on item 0
 * everyone writes {@link #SAME}; on item 1 a and c write {@link #ADMIN}, b writes {@link #SUPPORT}.
 */
public record AnchoringScenario(Fixture fixture, String a, String b, String c, long pastedAid, String pastedAnswer,
                         String acceptedDraftText, long focusAid, List<Long> aids) {

    public static final String SAME = "Reset it from the sign-in page.";
    public static final String ADMIN = "Ask your admin to reset it.";
    public static final String SUPPORT = "Call support and ask them.";

    public static AnchoringScenario build() {
        Fixture f = TestData.freeText(2, 3, 3, "REVEAL_AFTER_COMMIT");
        String a = f.annotators().get(0);
        String b = f.annotators().get(1);
        String c = f.annotators().get(2);
        List<Long> aids = new ArrayList<>();

        long pasted = next(a, f, aids);
        String pastedAnswer = answerFor(pasted, false);
        events(a, pasted, List.of(Map.of("type", "PASTE", "data", Map.of("chars", pastedAnswer.length()))));
        TestData.commit(a, pasted, pastedAnswer);
        String draftA = Api.as(a).get("/api/assignments/" + pasted + "/drafts").then().statusCode(200)
                .extract().jsonPath().getString("find { it.slot == 'A' }.text");
        Api.as(a).body(Map.of("decision", "ACCEPT", "acceptedSlot", "A")).post("/api/assignments/" + pasted + "/final")
                .then().statusCode(200);
        long blindOnly = next(a, f, aids);
        TestData.commit(a, blindOnly, answerFor(blindOnly, false));
        TestData.keep(a, blindOnly);

        long focus = next(b, f, aids);
        events(b, focus, List.of(Map.of("type", "FOCUS_LOST"), Map.of("type", "FOCUS_RETURNED"), Map.of("type", "FOCUS_LOST"),
                Map.of("type", "FOCUS_RETURNED"), Map.of("type", "FOCUS_LOST"), Map.of("type", "FOCUS_RETURNED")));
        TestData.commit(b, focus, answerFor(focus, true));
        Api.as(b).get("/api/assignments/" + focus + "/drafts").then().statusCode(200);
        Api.as(b).body(Map.of("decision", "REVISE", "answer", "Revised after seeing the drafts."))
                .post("/api/assignments/" + focus + "/final").then().statusCode(200);
        long kept = next(b, f, aids);
        TestData.commit(b, kept, answerFor(kept, true));
        Api.as(b).get("/api/assignments/" + kept + "/drafts").then().statusCode(200);
        TestData.keep(b, kept);

        for (int i = 0; i < 2; i++) {
            long aid = next(c, f, aids);
            TestData.commit(c, aid, answerFor(aid, false));
            TestData.keep(c, aid);
        }
        return new AnchoringScenario(f, a, b, c, pasted, pastedAnswer, draftA, focus, aids);
    }

    private static final Map<Long, String> ITEMS = new java.util.concurrent.ConcurrentHashMap<>();

    private static long next(String annotator, Fixture f, List<Long> aids) {
        JsonPath next = Api.as(annotator).get("/api/projects/" + f.projectId() + "/next").then().statusCode(200)
                .extract().jsonPath();
        long aid = next.getLong("assignmentId");
        ITEMS.put(aid, next.getString("item.externalId"));
        aids.add(aid);
        return aid;
    }

    /** The scenario's blind answer for the assignment's item; {@code dissent} is b's on item 1. */
    private static String answerFor(long aid, boolean dissent) {
        boolean itemZero = ITEMS.get(aid).startsWith("item-0-");
        return itemZero ? SAME : dissent ? SUPPORT : ADMIN;
    }

    private static void events(String annotator, long aid, List<Map<String, Object>> batch) {
        Api.as(annotator).body(batch).post("/api/assignments/" + aid + "/events").then().statusCode(202);
    }
}
