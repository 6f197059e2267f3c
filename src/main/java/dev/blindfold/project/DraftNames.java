package dev.blindfold.project;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a project's drafts were imported under, as terms a draft must not name ({@link IdentityTerms}): every
 * model and family, and every version that is distinctive — 4 characters or more with a letter ("sonnet-20240620",
 * "llama3"), since "v1", "2", "2024-06" or "beta" would flag ordinary text or are too short to say anything. Models
 * and versions are kept in {@code project_model_names}, families in {@code project_families} (V20, V13), so reading
 * them costs one index range each, however many drafts the project has.
 */
public final class DraftNames {

    static final String MODEL = "MODEL";
    static final String VERSION = "VERSION";
    static final String FAMILY = "FAMILY";

    private DraftNames() {
    }

    /** Whether a version string is distinctive enough to be a term: 4 characters or more, one of them a letter. */
    static boolean distinctiveVersion(String version) {
        return version.strip().length() >= 4 && version.codePoints().anyMatch(Character::isLetter);
    }

    /** The configured terms and the project's names: what a draft of the project must not name. */
    public static List<String> terms(EntityManager em, long projectId, Collection<String> configured) {
        Set<String> terms = new LinkedHashSet<>(configured);
        for (Name n : kept(em, projectId)) {
            if (n.term()) {
                terms.add(n.name());
            }
        }
        return new ArrayList<>(terms);
    }

    /** A name the project's drafts were imported under: kind MODEL, FAMILY or VERSION. */
    record Name(String kind, String name) {
        boolean term() {
            return !VERSION.equals(kind) || distinctiveVersion(name);
        }
    }

    static List<Name> kept(EntityManager em, long projectId) {
        List<Name> names = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT kind, name FROM project_model_names WHERE project_id = ?1"
                + " UNION ALL SELECT 'FAMILY', family FROM project_families WHERE project_id = ?1")
                .setParameter(1, projectId).getResultList()) {
            Object[] r = (Object[]) row;
            names.add(new Name((String) r[0], (String) r[1]));
        }
        return names;
    }

    /** Keeps a model name or version of the project; one already kept stays as it is. */
    static void keep(EntityManager em, boolean postgres, long projectId, String kind, String name) {
        em.createNativeQuery(postgres
                        ? "INSERT INTO project_model_names (project_id, kind, name) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"
                        : "MERGE INTO project_model_names t USING (VALUES (?1, ?2, ?3)) s (project_id, kind, name)"
                                + " ON (t.project_id = s.project_id AND t.kind = s.kind AND t.name = s.name)"
                                + " WHEN NOT MATCHED THEN INSERT (project_id, kind, name) VALUES (s.project_id, s.kind, s.name)")
                .setParameter(1, projectId).setParameter(2, kind).setParameter(3, name).executeUpdate();
    }
}
