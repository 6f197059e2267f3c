package dev.blindfold.identity;

import java.util.List;

/** The four roles, declared once. Use these constants in every {@code @RolesAllowed}. */
public final class Roles {

    public static final String ANNOTATOR = "annotator";
    public static final String OPS = "ops";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(ANNOTATOR, OPS, AUDITOR, ADMIN);

    /** The roles that may see drafts before a blind answer: every role but annotator. */
    public static final List<String> STAFF = List.of(OPS, AUDITOR, ADMIN);

    private Roles() {
    }

    /** Whether {@code role} is one of {@link #STAFF}. */
    public static boolean isStaff(String role) {
        return STAFF.contains(role);
    }
}
