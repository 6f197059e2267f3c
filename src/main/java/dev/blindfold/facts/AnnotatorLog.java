package dev.blindfold.facts;

import dev.blindfold.exposure.LoggedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.provenance.chain.EventType;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One annotator's events (all projects, those tied to an assignment) in time order, read a page at a time
 * by keyset on {@code (server_time, id)} along the index {@code events_actor_time_ix}. Paging keeps memory
 * bounded on every database: H2 materialises a whole result set before the first row, and the PostgreSQL
 * driver streams only with a fetch size inside a transaction. Rows sharing the page's last time are
 * re-read and skipped by id, so a page boundary never drops or repeats an event.
 */
final class AnnotatorLog implements Iterable<LoggedEvent> {

    static final int PAGE = 1_000;

    private static final String SELECT = "select e.id, e.assignmentId, e.type, e.serverTime, e.clientTime, e.payload,"
            + " e.projectId, e.seq"
            + " from Event e where e.actorId = :u and e.assignmentId is not null";

    private final EntityManager em;
    private final ObjectMapper json;
    private final long annotatorId;
    private final int pageSize;
    private final long boundProject;
    private final long lastSeq;

    AnnotatorLog(EntityManager em, ObjectMapper json, long annotatorId) {
        this(em, json, annotatorId, PAGE);
    }

    AnnotatorLog(EntityManager em, ObjectMapper json, long annotatorId, int pageSize) {
        this(em, json, annotatorId, pageSize, 0, Long.MAX_VALUE);
    }

    /**
     * The log as it stood when the annotator's chain in {@code boundProject} ended at seq {@code lastSeq}: that
     * chain's later events are left out (other projects' events are all read: they only add prior exposure).
     */
    AnnotatorLog(EntityManager em, ObjectMapper json, long annotatorId, int pageSize, long boundProject, long lastSeq) {
        this.em = em;
        this.json = json;
        this.annotatorId = annotatorId;
        this.pageSize = pageSize;
        this.boundProject = boundProject;
        this.lastSeq = lastSeq;
    }

    private boolean beyondBound(Object[] row) {
        return (Long) row[6] == boundProject && (Long) row[7] > lastSeq;
    }

    @Override
    public Iterator<LoggedEvent> iterator() {
        return new Iterator<>() {
            private final ArrayDeque<LoggedEvent> page = new ArrayDeque<>();
            private Instant lastTime;
            private long lastId;
            private boolean exhausted;

            public boolean hasNext() {
                while (page.isEmpty() && !exhausted) {
                    fetch();
                }
                return !page.isEmpty();
            }

            public LoggedEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.poll();
            }

            private void fetch() {
                List<Object[]> rows = lastTime == null
                        ? em.createQuery(SELECT + " order by e.serverTime, e.id", Object[].class)
                                .setParameter("u", annotatorId).setMaxResults(pageSize).getResultList()
                        : em.createQuery(SELECT + " and e.serverTime >= :t order by e.serverTime, e.id", Object[].class)
                                .setParameter("u", annotatorId).setParameter("t", lastTime).setMaxResults(pageSize).getResultList();
                boolean progressed = false;
                for (Object[] r : rows) {
                    long id = (Long) r[0];
                    Instant time = (Instant) r[3];
                    if (lastTime != null && time.equals(lastTime) && id <= lastId) {
                        continue;
                    }
                    if (!beyondBound(r)) {
                        page.add(new LoggedEvent((Long) r[1], (EventType) r[2], time, (Instant) r[4], parse((String) r[5])));
                    }
                    lastTime = time;
                    lastId = id;
                    progressed = true;
                }
                if (rows.size() < pageSize) {
                    exhausted = true;
                } else if (!progressed) {
                    sameInstant();
                }
                em.clear();
            }

            /** A whole page at one instant (never seen in practice): read the rest of that instant by id. */
            private void sameInstant() {
                List<Object[]> rows = em.createQuery(SELECT + " and e.serverTime = :t and e.id > :id order by e.id",
                        Object[].class).setParameter("u", annotatorId).setParameter("t", lastTime)
                        .setParameter("id", lastId).getResultList();
                for (Object[] r : rows) {
                    if (!beyondBound(r)) {
                        page.add(new LoggedEvent((Long) r[1], (EventType) r[2], (Instant) r[3], (Instant) r[4], parse((String) r[5])));
                    }
                    lastId = (Long) r[0];
                }
                lastTime = lastTime.plusNanos(1000);
                lastId = -1;
            }
        };
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload is not JSON", e);
        }
    }
}
