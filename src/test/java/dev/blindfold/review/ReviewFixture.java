package dev.blindfold.review;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import java.util.List;
import java.util.Map;

/**
 * A project of one item with two drafts, labeled blind by as many annotators as {@code answers} (its overlap), each
 * answering the next in turn, with adjudication set to {@code below}; and a fresh reviewer.
 */
record ReviewFixture(Fixture project, String reviewer, List<Long> assignments) {

    static ReviewFixture of(String taskType, List<String> labels, double below, List<String> answers) {
        Fixture f = TestData.project(taskType, labels, 1, answers.size(), answers.size(), "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).body(Map.of("adjudicationBelow", below)).patch("/api/projects/" + f.projectId())
                .then().statusCode(200);
        List<Long> assignments = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            long aid = TestData.next(f.annotators().get(i), f.projectId());
            TestData.commit(f.annotators().get(i), aid, answers.get(i));
            assignments.add(aid);
        }
        return new ReviewFixture(f, TestData.user("reviewer"), assignments);
    }

    static ReviewFixture freeText(String... answers) {
        return of("FREE_TEXT", null, 1.0, List.of(answers));
    }

    long projectId() {
        return project.projectId();
    }

    String nextPath() {
        return "/api/projects/" + projectId() + "/review/next";
    }

    Map<String, Object> rates() {
        return Api.as(project.ops()).get("/api/projects/" + projectId() + "/adjudications").then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }
}
