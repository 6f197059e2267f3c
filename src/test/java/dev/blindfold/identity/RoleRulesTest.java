package dev.blindfold.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.web.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleRulesTest {

    @Test
    void annotatorStandsAlone() {
        for (String other : List.of("ops", "auditor", "admin")) {
            ProblemException e = assertThrows(ProblemException.class, () -> RoleRules.validate(List.of("annotator", other)));
            assertEquals("role-conflict", e.slug());
            assertTrue(e.getMessage().startsWith("roles:") && e.getMessage().contains(other), e.getMessage());
        }
        assertEquals(List.of("annotator"), RoleRules.validate(List.of("annotator", "annotator")));
        assertEquals(List.of("ops", "auditor", "admin"), RoleRules.validate(List.of("admin", "ops", "auditor")));
    }

    @Test
    void nullEmptyUnknownOrNonTextRolesAreRefusedNamingRoles() {
        for (List<?> roles : Arrays.<List<?>>asList(null, List.of(), Arrays.asList((Object) null),
                Arrays.asList("ops", null), List.of("OPS"), List.of(""), List.of(1))) {
            ProblemException e = assertThrows(ProblemException.class, () -> RoleRules.validate(roles), String.valueOf(roles));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("roles"), e.getMessage());
        }
    }

    @Test
    void aStaffAccountCannotBecomeAnAnnotatorButAnAnnotatorCanBecomeStaff() {
        assertThrows(ProblemException.class, () -> RoleRules.validateChange(List.of("ops"), List.of("annotator")));
        assertThrows(ProblemException.class, () -> RoleRules.validateChange(List.of("annotator", "auditor"), List.of("annotator")));
        assertEquals(List.of("ops"), RoleRules.validateChange(List.of("annotator"), List.of("ops")));
        assertEquals(List.of("annotator"), RoleRules.validateChange(List.of("annotator"), List.of("annotator")));
    }

    @Test
    void aStoredCombinationActsWithoutAnnotator() {
        assertEquals(Set.of("ops"), RoleRules.effective(List.of("annotator", "ops")));
        assertEquals(Set.of("auditor", "admin"), RoleRules.effective(List.of("auditor", "annotator", "admin")));
        assertEquals(Set.of("annotator"), RoleRules.effective(List.of("annotator")));
        assertTrue(RoleRules.conflicting(List.of("annotator", "ops")));
        assertFalse(RoleRules.conflicting(List.of("annotator")));
        assertFalse(RoleRules.conflicting(List.of("ops", "admin")));
    }

    @Test
    void reviewerGoesWithStaffNotWithAnnotatorAndIsNotStaff() {
        assertEquals(List.of("auditor", "reviewer"), RoleRules.validate(List.of("reviewer", "auditor")));
        assertFalse(Roles.isStaff("reviewer"), "a reviewer may not see drafts before its adjudication");
        ProblemException both = assertThrows(ProblemException.class,
                () -> RoleRules.validate(List.of("reviewer", "annotator")));
        assertEquals(400, both.status());
        assertTrue(both.getMessage().contains("reviewer"), both.getMessage());
        assertTrue(RoleRules.conflicting(List.of("annotator", "reviewer")));
        assertEquals(Set.of("reviewer"), RoleRules.effective(List.of("annotator", "reviewer")),
                "a stored annotator-reviewer acts as a reviewer only: it gets no assignments");
        assertThrows(ProblemException.class, () -> RoleRules.validateChange(List.of("reviewer"), List.of("annotator")),
                "an account that may have seen others' answers and drafts as a reviewer never becomes an annotator");
        assertEquals(List.of("reviewer"), RoleRules.validateChange(List.of("annotator"), List.of("reviewer")));
    }
}
