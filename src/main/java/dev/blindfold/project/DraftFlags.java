package dev.blindfold.project;

import dev.blindfold.project.DraftNames.Name;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags, during an import, each new draft whose text names a model ({@link IdentityTerms}): the configured terms and
 * the project's names ({@link DraftNames}) are read once when the import starts; each chunk adds the names its own
 * drafts bring (kept for later imports) before its drafts are checked, so a draft is checked against every name of
 * the earlier files and of the file up to its own chunk. Names that first appear in a later chunk do not send the
 * import back over the drafts it stored already: that would read them again.
 */
final class DraftFlags {

    private final EntityManager em;
    private final boolean postgres;
    private final long projectId;
    private final Set<String> terms;
    private final Set<Name> kept;
    private IdentityTerms matcher;
    private int flagged;

    DraftFlags(EntityManager em, boolean postgres, long projectId, List<String> configured) {
        this.em = em;
        this.postgres = postgres;
        this.projectId = projectId;
        this.kept = new HashSet<>(DraftNames.kept(em, projectId));
        this.terms = new LinkedHashSet<>(configured);
        kept.stream().filter(Name::term).forEach(n -> terms.add(n.name()));
        this.matcher = IdentityTerms.of(terms);
    }

    /** Keeps the chunk's new names, then flags each of its drafts that names a term. */
    void check(List<Draft> chunk) {
        boolean grew = false;
        for (Draft d : chunk) {
            grew |= learn(new Name(DraftNames.MODEL, d.model));
            grew |= learn(new Name(DraftNames.FAMILY, d.family));
            grew |= learn(new Name(DraftNames.VERSION, d.version));
        }
        if (grew) {
            matcher = IdentityTerms.of(terms);
        }
        for (Draft d : chunk) {
            d.flag(projectId, matcher.first(d.text).orElse(null));
            if (d.identityLeak != null) {
                flagged++;
            }
        }
    }

    int flagged() {
        return flagged;
    }

    /**
     * Keeps a model or version not kept yet (families are kept by the import's count of them); whether the terms grew.
     */
    private boolean learn(Name name) {
        if (!kept.add(name)) {
            return false;
        }
        if (!DraftNames.FAMILY.equals(name.kind())) {
            DraftNames.keep(em, postgres, projectId, name.kind(), name.name());
        }
        return name.term() && terms.add(name.name());
    }
}
