package dev.blindfold.leaks;

import dev.blindfold.exposure.ContentHash;
import dev.blindfold.project.Draft;
import dev.blindfold.project.DraftNames;
import dev.blindfold.project.IdentityTerms;
import dev.blindfold.project.IdentityTerms.Match;
import dev.blindfold.project.Item;
import dev.blindfold.project.LeakCounts;
import dev.blindfold.project.Project;
import dev.blindfold.project.TaskType;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Label ops redact or drop a draft that names its model, only while nobody has answered its item blind or seen its
 * drafts (B2, B5: what an annotator committed against or was shown never changes afterwards). The draft's row and
 * then its item's assignments are locked before that is checked, the order in which a blind commit or a reveal
 * (which lock their assignment, then read the drafts) would meet them: one that comes first is seen and refuses the
 * change; one that comes after waits and reads the changed draft. The item's row is locked last, as the queue locks
 * it to hand the item out. Each change is an event in the ops user's chain with the text's content hashes.
 */
@ApplicationScoped
@Transactional
public class DraftFixes {

    /** What the draft says instead of a name. */
    static final String REPLACEMENT = "[model]";

    /** The draft after a redaction: {@code identityLeak} is a term still found, or null when it is clean now. */
    public record Redacted(long draftId, long projectId, String itemExternalId, List<String> terms, String identityLeak) {
    }

    public record Dropped(long draftId, long projectId, String itemExternalId) {
    }

    private record Target(Draft draft, Item item, Project project) {
    }

    private final EntityManager em;
    private final EventLog log;
    private final LeakCounts counts;
    private final BlindfoldConfig config;

    DraftFixes(EntityManager em, EventLog log, LeakCounts counts, BlindfoldConfig config) {
        this.em = em;
        this.log = log;
        this.counts = counts;
        this.config = config;
    }

    /**
     * Replaces every name of the project's terms in the draft with {@value #REPLACEMENT}; {@code inProject}, when
     * given, is the project the caller's page is about (a draft of another is not found there).
     */
    public Redacted redact(long draftId, long actorId, Long inProject) {
        Target t = unanswered(draftId, inProject);
        Draft d = t.draft();
        IdentityTerms terms = IdentityTerms.of(DraftNames.terms(em, t.project().id, config.identityLeaks().terms()));
        List<Match> found = terms.all(d.text);
        if (found.isEmpty()) {
            throw ProblemException.conflict("nothing-to-redact", "Draft " + draftId + " names none of the project's"
                    + " model, family, version or vendor terms: there is nothing to redact.");
        }
        List<String> named = List.copyOf(new LinkedHashSet<>(found.stream().map(Match::term).toList()));
        String before = d.text;
        boolean wasFlagged = d.identityLeak != null;
        d.text = terms.redact(before, REPLACEMENT);
        d.flag(t.project().id, terms.first(d.text).orElse(null));
        counts.add(t.project().id, (d.identityLeak != null ? 1 : 0) - (wasFlagged ? 1 : 0));
        counts.redacted(t.project().id);
        Map<String, Object> payload = payload(d, t.item());
        payload.put("terms", named);
        payload.put("textHashBefore", ContentHash.of(before));
        payload.put("textHashAfter", ContentHash.of(d.text));
        log.append(new NewEvent(t.project().id, actorId, null, EventType.DRAFT_REDACTED, null, payload));
        return new Redacted(d.id, t.project().id, t.item().externalId, named, d.identityLeak);
    }

    /** Deletes the draft; a PAIRWISE item keeps two at least. {@code inProject} as for {@link #redact}. */
    public Dropped drop(long draftId, long actorId, Long inProject) {
        Target t = unanswered(draftId, inProject);
        Draft d = t.draft();
        long drafts = Draft.count("itemId", d.itemId);
        if (t.project().taskType == TaskType.PAIRWISE && drafts <= 2) {
            throw ProblemException.conflict("pairwise-minimum", "Item " + t.item().externalId + " of a PAIRWISE project"
                    + " has " + drafts + " drafts and needs 2 to compare: draft " + draftId + " cannot be dropped.");
        }
        Map<String, Object> payload = payload(d, t.item());
        if (d.identityLeak != null) {
            payload.put("terms", List.of(d.identityLeak));
            counts.add(t.project().id, -1);
        }
        payload.put("textHashBefore", ContentHash.of(d.text));
        counts.dropped(t.project().id);
        d.delete();
        if (Draft.count("itemId = ?1 and family = ?2", d.itemId, d.family) == 0) {
            em.createNativeQuery("UPDATE project_families SET items = items - 1 WHERE project_id = ?1 AND family = ?2")
                    .setParameter(1, t.project().id).setParameter(2, d.family).executeUpdate();
        }
        log.append(new NewEvent(t.project().id, actorId, null, EventType.DRAFT_DROPPED, null, payload));
        return new Dropped(draftId, t.project().id, t.item().externalId);
    }

    /** The draft, locked, with its item and project; refused once its item has a blind answer or a reveal. */
    private Target unanswered(long draftId, Long inProject) {
        Draft d = em.find(Draft.class, draftId, LockModeType.PESSIMISTIC_WRITE);
        Item item = d == null ? null : em.find(Item.class, d.itemId);
        if (item == null || inProject != null && item.projectId != inProject) {
            throw ProblemException.notFound("Draft " + draftId);
        }
        em.createNativeQuery("SELECT id FROM assignments WHERE item_id = ?1 FOR UPDATE").setParameter(1, d.itemId)
                .getResultList();
        long answered = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM assignments a WHERE a.item_id = ?1"
                + " AND (a.draft_order IS NOT NULL OR EXISTS (SELECT 1 FROM blind_answers b WHERE b.assignment_id = a.id))")
                .setParameter(1, d.itemId).getSingleResult()).longValue();
        if (answered > 0) {
            throw ProblemException.conflict("item-answered", "Item " + item.externalId + " has a blind answer or"
                    + " revealed drafts already: what an annotator committed against or was shown cannot change,"
                    + " so draft " + draftId + " stays as it is.");
        }
        em.createNativeQuery("SELECT id FROM items WHERE id = ?1 FOR UPDATE").setParameter(1, d.itemId).getResultList();
        return new Target(d, item, em.find(Project.class, item.projectId));
    }

    private static Map<String, Object> payload(Draft d, Item item) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("draftId", d.id);
        payload.put("itemExternalId", item.externalId);
        payload.put("model", d.model);
        payload.put("family", d.family);
        return payload;
    }
}
