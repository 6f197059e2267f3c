package dev.blindfold.identity;

import java.util.List;

/** The five roles, declared once. Use these constants in every {@code @RolesAllowed}. */
public final class Roles {

    public static final String ANNOTATOR = "annotator";
    public static final String OPS = "ops";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /**
     * Adjudicates items whose blind answers disagree: sees an item's input and its blind answers (anonymous, in a random
     * order), commits the adjudicated answer, and only then its drafts. Not staff: blind about drafts as annotators are.
     */
    public static final String REVIEWER = "reviewer";

    public static final List<String> ALL = List.of(ANNOTATOR, OPS, AUDITOR, ADMIN, REVIEWER);

    /** The roles that may see drafts before a blind answer: every role but annotator and reviewer. */
    public static final List<String> STAFF = List.of(OPS, AUDITOR, ADMIN);

    private Roles() {
    }

    /** Whether {@code role} is one of {@link #STAFF}. */
    public static boolean isStaff(String role) {
        return STAFF.contains(role);
    }
}
