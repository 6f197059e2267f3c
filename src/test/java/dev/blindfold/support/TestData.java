package dev.blindfold.support;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds each test's own data through the public API: fresh users and a fresh project with
 * distinctive draft strings, so a leak of any of them is easy to find in a response.
 */
public final class TestData {

    /** A project with its members and the secrets its drafts carry. */
    public record Fixture(long projectId, List<String> annotators, String ops, String auditor, List<String> secrets) {
        public String annotator() {
            return annotators.get(0);
        }
    }

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String user(String role) {
        String name = unique(role);
        Api.as(Api.ADMIN).body(Map.of("username", name, "password", Api.PASSWORD, "roles", List.of(role)))
                .post("/api/users").then().statusCode(201);
        return name;
    }

    /** A FREE_TEXT project of {@code items} items, two drafts each, and {@code annotators} members. */
    public static Fixture freeText(int items, int annotators, int overlap, String revealPolicy) {
        return project("FREE_TEXT", null, items, annotators, overlap, revealPolicy);
    }

    public static Fixture project(String taskType, List<String> labels, int items, int annotators, int overlap,
                                  String revealPolicy) {
        return project(taskType, labels, items, annotators, overlap, revealPolicy, false);
    }

    /**
     * A FREE_TEXT project like {@link #freeText} whose every item is a gold item, its known answer
     * {@code zgoldanswer<tag>} one more secret of the item.
     */
    public static Fixture freeTextAllGold(int items, int annotators, int overlap, String revealPolicy) {
        return project("FREE_TEXT", null, items, annotators, overlap, revealPolicy, true);
    }

    private static Fixture project(String taskType, List<String> labels, int items, int annotators, int overlap,
                                   String revealPolicy, boolean gold) {
        String ops = user("ops");
        String auditor = user("auditor");
        Map<String, Object> spec = new java.util.HashMap<>(Map.of("name", unique("project"), "taskType", taskType,
                "overlap", overlap, "revealPolicy", revealPolicy, "guidelines", "Answer well."));
        if (labels != null) {
            spec.put("labels", labels);
        }
        long projectId = Api.as(ops).body(spec).post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<String> secrets = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < items; i++) {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String modelA = "zmodel" + tag + "a";
            String familyA = "zfamily" + tag + "a";
            String versionA = "zversion" + tag + "a";
            String modelB = "zmodel" + tag + "b";
            String familyB = "zfamily" + tag + "b";
            String versionB = "zversion" + tag + "b";
            String textA = labels != null ? labels.get(0) : "zdrafttext" + tag + "a is the first model's answer";
            String textB = labels != null ? labels.get(1) : "zdrafttext" + tag + "b is the second model's answer";
            secrets.addAll(List.of(modelA, familyA, versionA, modelB, familyB, versionB));
            if (labels == null) {
                secrets.addAll(List.of(textA, textB));
            }
            String known = gold ? ",\"gold\":\"zgoldanswer" + tag + "\"" : "";
            if (gold) {
                secrets.add("zgoldanswer" + tag);
            }
            ndjson.append(String.format(
                            "{\"externalId\":\"item-%d-%s\"" + known + ",\"input\":\"Question %d: how do I reset my password?\","
                                    + "\"drafts\":[{\"model\":\"%s\",\"family\":\"%s\",\"version\":\"%s\",\"text\":\"%s\"},"
                                    + "{\"model\":\"%s\",\"family\":\"%s\",\"version\":\"%s\",\"text\":\"%s\"}]}\n",
                            i, tag, i, modelA, familyA, versionA, textA, modelB, familyB, versionB, textB));
        }
        Api.as(ops).contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < annotators; i++) {
            String annotator = user("annotator");
            Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members")
                    .then().statusCode(anyOf(is(200), is(201)));
            members.add(annotator);
        }
        return new Fixture(projectId, members, ops, auditor, secrets);
    }

    /**
     * A project of {@code ops}'s with the items of {@code ndjson} (the import format) and the given existing
     * annotators as members, so one annotator can work on several projects; returns its id.
     */
    public static long project(String ops, String taskType, List<String> labels, int overlap, String revealPolicy,
                               String ndjson, List<String> annotators) {
        Map<String, Object> spec = new java.util.HashMap<>(Map.of("name", unique("project"), "taskType", taskType,
                "overlap", overlap, "revealPolicy", revealPolicy, "guidelines", "Answer well."));
        if (labels != null) {
            spec.put("labels", labels);
        }
        long projectId = Api.as(ops).body(spec).post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.as(ops).contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200);
        for (String annotator : annotators) {
            Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members")
                    .then().statusCode(anyOf(is(200), is(201)));
        }
        return projectId;
    }

    /** The slot in which the assignment's reveal shows the draft with this text (revealing if not yet). */
    public static String slotOf(String annotator, long assignmentId, String draftText) {
        List<Map<String, String>> drafts = Api.as(annotator).get("/api/assignments/" + assignmentId + "/drafts").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return drafts.stream().filter(d -> d.get("text").equals(draftText)).map(d -> d.get("slot")).findFirst()
                .orElseThrow(() -> new AssertionError("no draft '" + draftText + "' among " + drafts));
    }

    /** The annotator's next assignment id (asserting there is one). */
    public static long next(String annotator, long projectId) {
        return Api.as(annotator).get("/api/projects/" + projectId + "/next").then().statusCode(200)
                .extract().jsonPath().getLong("assignmentId");
    }

    public static void commit(String annotator, long assignmentId, String answer) {
        Api.as(annotator).body(Map.of("answer", answer)).post("/api/assignments/" + assignmentId + "/blind")
                .then().statusCode(200);
    }

    /** Saves a KEEP final decision (the blind answer stands). */
    public static void keep(String annotator, long assignmentId) {
        Api.as(annotator).body(Map.of("decision", "KEEP")).post("/api/assignments/" + assignmentId + "/final")
                .then().statusCode(200);
    }

    public static List<String> eventTypes(String reader, long assignmentId) {
        return Api.as(reader).get("/api/assignments/" + assignmentId + "/events").then().statusCode(200)
                .extract().jsonPath().getList("type", String.class);
    }
}
