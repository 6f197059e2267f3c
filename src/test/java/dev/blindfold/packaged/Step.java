package dev.blindfold.packaged;

import java.util.regex.Pattern;

/** The requests of one pass through the annotator loop, and the HTTP floor's trivial request. */
enum Step {
    NEXT("GET /api/projects/{id}/next", "/api/projects/\\d+/next"),
    EVENTS("POST /api/assignments/{aid}/events (5 events)", "/api/assignments/\\d+/events"),
    BLIND("POST /api/assignments/{aid}/blind", "/api/assignments/\\d+/blind"),
    DRAFTS("GET /api/assignments/{aid}/drafts", "/api/assignments/\\d+/drafts"),
    FINAL("POST /api/assignments/{aid}/final", "/api/assignments/\\d+/final"),
    FLOOR("GET /q/health/live (HTTP floor)", "/q/health/live");

    static final Step[] LOOP = {NEXT, EVENTS, BLIND, DRAFTS, FINAL};

    final String label;
    private final Pattern path;

    Step(String label, String path) {
        this.label = label;
        this.path = Pattern.compile(path);
    }

    /** The step a request path belongs to, or null. */
    static Step ofPath(String path) {
        for (Step s : values()) {
            if (s.path.matcher(path).matches()) {
                return s;
            }
        }
        return null;
    }
}
