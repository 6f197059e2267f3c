package dev.blindfold.audit.bundlewriter;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small real project driven through the API for bundle tests: four items, three annotators, overlap 2 (so each annotator surely gets two items), client events,
 * commits, reveals and finals giving every exposure class (blind_only, blind_kept, revised_after_reveal,
 * draft_accepted).
 */
final class AuditFixture {

    private AuditFixture() {
    }

    static Fixture labelled() {
        Fixture f = TestData.freeText(4, 3, 2, "REVEAL_AFTER_COMMIT");
        for (int i = 0; i < f.annotators().size(); i++) {
            String who = f.annotators().get(i);
            long first = TestData.next(who, f.projectId());
            clientEvents(who, first);
            TestData.commit(who, first, "Open settings, choose Security and reset it there (" + who + ")");
            Api.as(who).get("/api/assignments/" + first + "/drafts").then().statusCode(200);
            TestData.keep(who, first);
            long second = TestData.next(who, f.projectId());
            TestData.commit(who, second, "Use the forgotten password link on the sign-in page");
            switch (i) {
                case 0 -> { }
                case 1 -> {
                    Api.as(who).get("/api/assignments/" + second + "/drafts").then().statusCode(200);
                    Api.as(who).body(Map.of("decision", "REVISE", "answer", "Ask support by phone, they verify you and reset it"))
                            .post("/api/assignments/" + second + "/final").then().statusCode(200);
                }
                default -> {
                    Api.as(who).get("/api/assignments/" + second + "/drafts").then().statusCode(200);
                    Api.as(who).body(Map.of("decision", "ACCEPT", "acceptedSlot", "A"))
                            .post("/api/assignments/" + second + "/final").then().statusCode(200);
                }
            }
        }
        return f;
    }

    private static void clientEvents(String who, long aid) {
        String now = Instant.now().toString();
        Api.as(who).body(List.of(
                Map.of("type", "FIRST_INPUT", "clientTime", now, "data", Map.of()),
                Map.of("type", "PASTE", "clientTime", now, "data", Map.of("chars", 5)),
                Map.of("type", "FOCUS_LOST", "clientTime", now, "data", Map.of()),
                Map.of("type", "FOCUS_RETURNED", "clientTime", now, "data", Map.of())))
                .post("/api/assignments/" + aid + "/events").then().statusCode(202);
    }

    static byte[] bundle(String reader, long projectId) {
        return Api.as(reader).get("/api/projects/" + projectId + "/audit/bundle").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
    }
}
