package dev.blindfold.labeling;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 8: ACCEPT on a CATEGORICAL item must not make a final answer outside the label set. An imported draft
 * whose text is not a label (a model's stray class name) cannot be accepted; a draft that is a label can.
 */
@QuarkusTest
class CategoricalAcceptApiTest {

    private static final List<String> LABELS = List.of("class_A", "class_B");
    private static final String STRAY = "class_PREDICTIONS_TESTING";

    private static long project(String ops, String annotator) {
        String item = "{\"externalId\":\"" + TestData.unique("cat") + "\",\"input\":\"Classify: the parcel never came.\","
                + "\"drafts\":[{\"model\":\"m1\",\"family\":\"f1\",\"version\":\"1\",\"text\":\"" + STRAY + "\"},"
                + "{\"model\":\"m2\",\"family\":\"f2\",\"version\":\"1\",\"text\":\"class_B\"}]}\n";
        return TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT", item, List.of(annotator));
    }

    @Test
    void acceptingADraftWhoseTextIsNoLabelIsRefusedNamingAcceptedSlotAndSavesNothing() {
        String me = TestData.user("annotator");
        String ops = TestData.user("ops");
        long aid = TestData.next(me, project(ops, me));
        TestData.commit(me, aid, "class_A");
        String stray = TestData.slotOf(me, aid, STRAY);

        Api.as(me).body(Map.of("decision", "ACCEPT", "acceptedSlot", stray)).post("/api/assignments/" + aid + "/final")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("draft-not-a-label")).body("status", equalTo(400))
                .body("detail", containsString("acceptedSlot " + stray)).body("detail", containsString("class_A, class_B"));
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED"), TestData.eventTypes(ops, aid),
                "no final decision was logged");
        Api.as(me).body(Map.of("decision", "KEEP")).post("/api/assignments/" + aid + "/final")
                .then().statusCode(200).body("answer", equalTo("class_A"));
    }

    @Test
    void acceptingADraftThatIsALabelStillSavesItAsTheFinalAnswer() {
        String me = TestData.user("annotator");
        long aid = TestData.next(me, project(TestData.user("ops"), me));
        TestData.commit(me, aid, "class_A");
        String label = TestData.slotOf(me, aid, "class_B");
        Api.as(me).body(Map.of("decision", "ACCEPT", "acceptedSlot", label)).post("/api/assignments/" + aid + "/final")
                .then().statusCode(200).body("decision", equalTo("ACCEPT")).body("answer", equalTo("class_B"));
    }
}
