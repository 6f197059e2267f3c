package dev.blindfold.labeling;

import dev.blindfold.project.Item;
import dev.blindfold.project.Membership;
import dev.blindfold.project.Project;
import dev.blindfold.web.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Hands an annotator their next assignment: their own unfinished one first, then a new item in
 * their randomised order that they have not had and that still needs labels (overlap k). Reads no
 * drafts. The membership row lock serialises one annotator's requests; the item row lock keeps
 * two annotators from both taking an item's last place.
 */
@ApplicationScoped
@Transactional
public class AssignmentQueue {

    /** Candidates are ordered by (item id + 1) × seed mod this prime: a per-annotator permutation. */
    static final long ORDER_PRIME = 2147483647L;
    private static final String AVAILABLE = """
             FROM items i
            WHERE i.project_id = :project
              AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = :annotator)
              AND (SELECT COUNT(*) FROM assignments a WHERE a.item_id = i.id AND a.status <> 'SKIPPED') < :overlap
            """;

    public record Progress(long done, long assigned, long available) {
        /** Items this annotator has had or can still get, skipped ones included. */
        public long total() {
            return assigned + available;
        }
    }

    /** The annotator's current assignment, or a new one; empty when nothing is left for them. */
    public Optional<Assignment> next(Project project, long annotatorId) {
        Membership member = Membership.lockOf(project.id, annotatorId)
                .orElseThrow(() -> ProblemException.notFound("Project " + project.id));
        Optional<Assignment> open = Assignment.find(
                "projectId = ?1 and annotatorId = ?2 and status in ?3 order by position",
                project.id, annotatorId, List.of(AssignmentStatus.ASSIGNED, AssignmentStatus.COMMITTED))
                .firstResultOptional();
        if (open.isPresent()) {
            return open;
        }
        for (Long itemId : candidates(project, annotatorId, member.orderSeed)) {
            Item item = Item.findById(itemId, LockModeType.PESSIMISTIC_WRITE);
            long taken = Assignment.count("itemId = ?1 and status <> ?2", itemId, AssignmentStatus.SKIPPED);
            if (item != null && taken < project.overlap) {
                return Optional.of(create(project.id, itemId, annotatorId));
            }
        }
        return Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(Project project, long annotatorId) {
        long done = Assignment.count("projectId = ?1 and annotatorId = ?2 and status = ?3",
                project.id, annotatorId, AssignmentStatus.FINAL);
        long assigned = Assignment.count("projectId = ?1 and annotatorId = ?2", project.id, annotatorId);
        Number available = (Number) Panache.getEntityManager()
                .createNativeQuery("SELECT COUNT(*)" + AVAILABLE)
                .setParameter("project", project.id)
                .setParameter("annotator", annotatorId)
                .setParameter("overlap", project.overlap)
                .getSingleResult();
        return new Progress(done, assigned, available.longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Long> candidates(Project project, long annotatorId, int seed) {
        List<Number> ids = Panache.getEntityManager()
                .createNativeQuery("SELECT i.id" + AVAILABLE + " ORDER BY MOD((i.id + 1) * :seed, " + ORDER_PRIME + "), i.id")
                .setParameter("project", project.id)
                .setParameter("annotator", annotatorId)
                .setParameter("overlap", project.overlap)
                .setParameter("seed", (long) seed)
                .setMaxResults(16)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static Assignment create(long projectId, long itemId, long annotatorId) {
        Integer last = Panache.getEntityManager()
                .createQuery("select max(a.position) from Assignment a where a.projectId = :p and a.annotatorId = :u", Integer.class)
                .setParameter("p", projectId).setParameter("u", annotatorId).getSingleResult();
        Assignment a = new Assignment();
        a.projectId = projectId;
        a.itemId = itemId;
        a.annotatorId = annotatorId;
        a.position = (last == null ? 0 : last) + 1;
        a.status = AssignmentStatus.ASSIGNED;
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.persist();
        return a;
    }
}
