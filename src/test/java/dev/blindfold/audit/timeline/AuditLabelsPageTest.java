package dev.blindfold.audit.timeline;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An auditor reaches every label's timeline, not only flagged ones: all labels, paged, filterable by annotator. */
@QuarkusTest
class AuditLabelsPageTest {

    private static final Pattern TIMELINE = Pattern.compile("/audit/assignments/(\\d+)\"");

    @Test
    void everyCommittedLabelIsListedOncePagedAndFilteredByAnnotatorWithATimelineLink() {
        Fixture f = TestData.freeText(AuditLabels.PAGE_SIZE / 2 + 4, 2, 2, "REVEAL_AFTER_COMMIT");
        List<Long> committed = new ArrayList<>();
        for (String annotator : f.annotators()) {
            for (int i = 0; i < AuditLabels.PAGE_SIZE / 2 + 3; i++) {
                long aid = TestData.next(annotator, f.projectId());
                TestData.commit(annotator, aid, "answer " + i);
                TestData.keep(annotator, aid);
                committed.add(aid);
            }
        }
        long uncommitted = TestData.next(f.annotator(), f.projectId());

        String first = page(f, "/projects/" + f.projectId() + "/audit/labels");
        String second = page(f, "/projects/" + f.projectId() + "/audit/labels?page=2");
        List<Long> listed = new ArrayList<>(timelines(first));
        listed.addAll(timelines(second));
        assertEquals(AuditLabels.PAGE_SIZE, timelines(first).size());
        assertEquals(committed.stream().sorted().toList(), listed.stream().sorted().toList(), "each committed label once");
        assertEquals(false, listed.contains(uncommitted), "an assignment without a blind commit is not a label");

        String onlyOne = page(f, "/projects/" + f.projectId() + "/audit/labels?annotator=" + f.annotator());
        assertEquals(committed.subList(0, AuditLabels.PAGE_SIZE / 2 + 3), timelines(onlyOne));

        Api.as(f.ops()).accept("text/html").get("/projects/" + f.projectId() + "/audit/labels").then().statusCode(403);
        Api.as(f.annotator()).accept("text/html").get("/projects/" + f.projectId() + "/audit/labels").then().statusCode(403);
        Api.as(f.auditor()).accept("text/html").get("/projects/987654321/audit/labels").then().statusCode(404)
                .contentType(startsWith("text/html"));
    }

    private static String page(Fixture f, String path) {
        return Api.as(f.auditor()).accept("text/html").get(path).then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("id=\"audit-labels\""), not(containsString("{")))
                .extract().asString();
    }

    private static List<Long> timelines(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = TIMELINE.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
