package dev.blindfold.web;

/**
 * A user-facing failure with an HTTP status, rendered as application/problem+json (or an error
 * page). Feature code throws the factory methods; the message is safe to show to the caller.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Integer line;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    private ProblemException(int status, String slug, String title, String detail, Integer line) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.line = line;
    }

    /** A bad line of an uploaded file; {@code line} is 1-based. */
    public static ProblemException badLine(int line, String detail) {
        return badRecord("line", line, detail);
    }

    /** A bad record of an upload, named by {@code noun} ("line", "task") and its 1-based number. */
    public static ProblemException badRecord(String noun, int number, String detail) {
        return new ProblemException(400, "bad-import-line", "Bad import " + noun, noun + " " + number + ": " + detail, number);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found.");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Integer line() {
        return line;
    }
}
