package dev.blindfold.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.ContentHash;
import dev.blindfold.exposure.ContentMatch;
import dev.blindfold.provenance.chain.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * The shown_content table: every draft of every first reveal, per annotator, by content, as the classifier's
 * memory of what was shown holds it; asked at a blind commit which drafts of its content were shown before it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ShownContent {

    private static final String INSERT = "INSERT INTO shown_content (annotator_id, assignment_id, shown_at, family,"
            + " input_key, text_key) VALUES (?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final ObjectMapper json;

    ShownContent(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Remembers the drafts of a DRAFTS_REVEALED event that the log marks as the assignment's first. */
    void revealed(long annotatorId, long assignmentId, Instant at, JsonNode payload) {
        if (payload.path("repeat").asBoolean(false)) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                addRows(s, annotatorId, assignmentId, at, payload);
                s.executeBatch();
            }
        });
    }

    /**
     * The drafts shown to the annotator strictly before {@code before} whose input or text is one the commit names,
     * each counted once, with the earliest such reveal; null when there are none.
     */
    ContentMatch match(long annotatorId, Instant before, ContentMatch.Keys keys) {
        List<Long> texts = new ArrayList<>();
        for (long k : keys.drafts()) {
            if (k != 0) {
                texts.add(k);
            }
        }
        if (keys.input() == 0 && texts.isEmpty()) {
            return null;
        }
        StringBuilder where = new StringBuilder();
        if (keys.input() != 0) {
            where.append("input_key = ?3");
        }
        if (!texts.isEmpty()) {
            where.append(where.length() == 0 ? "" : " OR ").append("text_key IN (?4)");
        }
        var q = em.createNativeQuery("SELECT family, assignment_id, shown_at, id FROM shown_content"
                + " WHERE annotator_id = ?1 AND shown_at < ?2 AND (" + where + ")");
        q.setParameter(1, annotatorId).setParameter(2, before);
        if (keys.input() != 0) {
            q.setParameter(3, keys.input());
        }
        if (!texts.isEmpty()) {
            q.setParameter(4, texts);
        }
        Map<String, Integer> same = new TreeMap<>();
        Object[] earliest = null;
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            same.merge((String) r[0], 1, Integer::sum);
            if (earliest == null || earlier(r, earliest)) {
                earliest = r;
            }
        }
        return earliest == null ? null
                : new ContentMatch(same, FactRows.number(earliest[1]), FactRows.instant(earliest[2]));
    }

    /** Writes the annotator's rows again from their log (all projects), in log order. */
    void rebuild(long annotatorId) {
        em.createNativeQuery("DELETE FROM shown_content WHERE annotator_id = ?1").setParameter(1, annotatorId).executeUpdate();
        java.util.stream.Stream<Object[]> reveals = em.createQuery("select e.assignmentId, e.serverTime, e.payload from Event e"
                        + " where e.actorId = :u and e.type = :t and e.assignmentId is not null order by e.serverTime, e.id",
                        Object[].class)
                .setParameter("u", annotatorId).setParameter("t", EventType.DRAFTS_REVEALED)
                .setHint("org.hibernate.fetchSize", 500).getResultStream();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT); reveals) {
                int pending = 0;
                for (Object[] r : (Iterable<Object[]>) reveals::iterator) {
                    JsonNode payload = parse((String) r[2]);
                    if (!payload.path("repeat").asBoolean(false)) {
                        pending += addRows(s, annotatorId, (Long) r[0], (Instant) r[1], payload);
                    }
                    if (pending >= 1_000) {
                        s.executeBatch();
                        pending = 0;
                    }
                }
                s.executeBatch();
            }
        });
    }

    private static int addRows(PreparedStatement s, long annotatorId, long assignmentId, Instant at, JsonNode payload)
            throws java.sql.SQLException {
        long input = ContentHash.key(payload.path("inputHash").asText(null));
        int rows = 0;
        for (JsonNode d : payload.path("order")) {
            s.setLong(1, annotatorId);
            s.setLong(2, assignmentId);
            s.setObject(3, at.atOffset(java.time.ZoneOffset.UTC));
            s.setString(4, d.path("family").asText());
            if (input == 0) {
                s.setNull(5, java.sql.Types.BIGINT);
            } else {
                s.setLong(5, input);
            }
            s.setLong(6, ContentHash.key(ContentHash.of(d.path("text").asText())));
            s.addBatch();
            rows++;
        }
        return rows;
    }

    /** Shown earlier, or at the same instant and remembered first. */
    private static boolean earlier(Object[] a, Object[] b) {
        int byTime = FactRows.instant(a[2]).compareTo(FactRows.instant(b[2]));
        return byTime < 0 || (byTime == 0 && FactRows.number(a[3]) < FactRows.number(b[3]));
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
