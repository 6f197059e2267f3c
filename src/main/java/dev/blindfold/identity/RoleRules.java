package dev.blindfold.identity;

import dev.blindfold.web.ProblemException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which roles an account may hold. The annotator role stands alone: an account that may also export, audit or
 * administer could read the drafts (and other annotators' answers) of items it has not committed yet, so blindness
 * (B1) would hold only for accounts that happen to have one role. Someone who does both uses two accounts. A reviewer
 * is blind about an item's drafts until its adjudication commits, but then sees them, and sees other annotators' blind
 * answers (B7) outside any assignment, where an annotator's prior exposure would not count them (B6): so reviewer
 * stands apart from annotator too, and an account that has reviewed never becomes an annotator.
 */
final class RoleRules {

    private RoleRules() {
    }

    /** The roles of a new account or a change, in {@link Roles#ALL} order; 400 naming {@code roles} otherwise. */
    static List<String> validate(Collection<?> roles) {
        if (roles == null || roles.isEmpty()) {
            throw ProblemException.badRequest("invalid-roles", "roles must name at least one of " + Roles.ALL + ".");
        }
        Set<String> given = new LinkedHashSet<>();
        int index = 0;
        for (Object role : roles) {
            if (!(role instanceof String name)) {
                throw ProblemException.badRequest("invalid-roles", "roles[" + index + "] must be one of " + Roles.ALL
                        + ", not " + (role == null ? "null" : "a " + role.getClass().getSimpleName()) + ".");
            }
            if (!Roles.ALL.contains(name)) {
                throw ProblemException.badRequest("invalid-roles", "unknown role '" + name + "' in roles; roles are "
                        + Roles.ALL + ".");
            }
            given.add(name);
            index++;
        }
        if (given.contains(Roles.ANNOTATOR) && given.stream().anyMatch(RoleRules::seesOthersWork)) {
            List<String> others = given.stream().filter(RoleRules::seesOthersWork).toList();
            throw new ProblemException(400, "role-conflict", "Role conflict", "roles: annotator cannot be combined with "
                    + String.join(", ", others) + " (given " + List.copyOf(given) + "): that account could read drafts or"
                    + " other annotators' answers of items before committing its own answer. Use two accounts, one"
                    + " annotator and one for the rest.");
        }
        return Roles.ALL.stream().filter(given::contains).toList();
    }

    /**
     * A change of roles: besides {@link #validate}, an account that has held ops, auditor, admin or reviewer cannot
     * become an annotator, since it may already have read drafts; a new annotator account is needed.
     */
    static List<String> validateChange(Collection<String> current, Collection<?> requested) {
        List<String> next = validate(requested);
        boolean staff = current.stream().anyMatch(RoleRules::seesOthersWork);
        if (next.contains(Roles.ANNOTATOR) && staff) {
            throw new ProblemException(400, "role-conflict", "Role conflict", "roles: this account holds "
                    + current + " and may have read drafts, so it cannot become an annotator; create a separate"
                    + " annotator account.");
        }
        return next;
    }

    /**
     * The roles an account acts with. An account stored with annotator beside a staff role (possible before that was
     * refused; reviewer counts as staff here) acts without the annotator role: it gets no assignments, so it has nothing to be blind about.
     */
    static Set<String> effective(Collection<String> stored) {
        Set<String> roles = new LinkedHashSet<>(stored);
        if (conflicting(roles)) {
            roles.remove(Roles.ANNOTATOR);
        }
        return Set.copyOf(roles);
    }

    /** Whether stored roles are a combination refused today. */
    static boolean conflicting(Collection<String> stored) {
        return stored.contains(Roles.ANNOTATOR) && stored.stream().anyMatch(RoleRules::seesOthersWork);
    }

    /** Roles that may read drafts or other annotators' answers of an item: staff, and reviewers once they commit. */
    private static boolean seesOthersWork(String role) {
        return Roles.isStaff(role) || Roles.REVIEWER.equals(role);
    }
}
