package dev.blindfold.support;

import java.util.List;

/**
 * Two FREE_TEXT projects of one ops user sharing an input (the second re-spaced), and one annotator who revealed
 * that input's drafts in the first (then kept) before labeling both items of the second, the shared one ("again")
 * and an unrelated one ("fresh"), committing and keeping each without a reveal.
 */
public record ReusedInput(String ops, String auditor, String annotator, long first, long firstAssignment, long second,
                          String input, String familyX, String familyY) {

    public static ReusedInput create(String secondPolicy) {
        String ops = TestData.user("ops");
        String auditor = TestData.user("auditor");
        String me = TestData.user("annotator");
        String tag = TestData.unique("t");
        String familyX = "famx-" + tag;
        String familyY = "famy-" + tag;
        String input = "A customer writes (" + tag + "): I was charged twice for March. Write the support reply.";
        String shared = item("shared", input, familyX, "X refunds it " + tag, familyY, "Y refunds it " + tag);
        long first = TestData.project(ops, "FREE_TEXT", null, 1, "REVEAL_AFTER_COMMIT", shared, List.of(me));
        String again = item("again", "  " + input.replace(" ", "\n") + " ", familyX, "X drafts anew " + tag,
                familyY, "Y drafts anew " + tag)
                + item("fresh", "An unrelated prompt " + tag, familyX, "X other " + tag, familyY, "Y other " + tag);
        long second = TestData.project(ops, "FREE_TEXT", null, 1, secondPolicy, again, List.of(me));

        long aid = TestData.next(me, first);
        TestData.commit(me, aid, "Refund the duplicate charge.");
        Api.as(me).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        TestData.keep(me, aid);
        for (int i = 0; i < 2; i++) {
            long next = TestData.next(me, second);
            TestData.commit(me, next, "My answer " + i);
            TestData.keep(me, next);
        }
        return new ReusedInput(ops, auditor, me, first, aid, second, input, familyX, familyY);
    }

    /** One NDJSON import line with two drafts. */
    public static String item(String id, String input, String familyA, String textA, String familyB, String textB) {
        return "{\"externalId\":\"" + id + "\",\"input\":" + quote(input) + ",\"drafts\":["
                + "{\"model\":\"ma\",\"family\":\"" + familyA + "\",\"version\":\"1\",\"text\":" + quote(textA) + "},"
                + "{\"model\":\"mb\",\"family\":\"" + familyB + "\",\"version\":\"1\",\"text\":" + quote(textB) + "}]}\n";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
