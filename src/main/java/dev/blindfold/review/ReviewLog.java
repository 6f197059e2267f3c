package dev.blindfold.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewer's adjudication events: appended to the reviewer's chain in the project (no assignment; the item's id in
 * the payload), and read back from the adjudication's REVIEW_SHOWN on (one range of events_chain_uq, a handful of
 * events: a reviewer works one item of a project at a time) to compute its exposure class (B6).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ReviewLog {

    private final EventLog log;
    private final EntityManager em;
    private final ObjectMapper json;
    private final double nearIdentical;

    ReviewLog(EventLog log, EntityManager em, ObjectMapper json, BlindfoldConfig config) {
        this.log = log;
        this.em = em;
        this.json = json;
        this.nearIdentical = config.export().nearIdentical();
    }

    Event append(Adjudication a, EventType type, Map<String, Object> payload) {
        Map<String, Object> withItem = new LinkedHashMap<>();
        withItem.put("itemId", a.itemId);
        withItem.putAll(payload);
        return log.append(new NewEvent(a.projectId, a.reviewerId, null, type, null, withItem));
    }

    /** Sets the adjudication's exposure class from its events. */
    void classify(Adjudication a) {
        List<AdjudicationExposure.Step> steps = new ArrayList<>();
        for (Object[] r : em.createQuery("select e.type, e.payload from Event e where e.projectId = :p and e.actorId = :u"
                        + " and e.seq >= :s order by e.seq", Object[].class).setParameter("p", a.projectId)
                .setParameter("u", a.reviewerId).setParameter("s", a.shownSeq).getResultList()) {
            JsonNode payload = parse((String) r[1]);
            if (payload.path("itemId").asLong(-1) == a.itemId) {
                steps.add(new AdjudicationExposure.Step((EventType) r[0], payload));
            }
        }
        ExposureClass exposure = AdjudicationExposure.of(steps, nearIdentical);
        a.exposure = exposure == null ? null : exposure.wireName();
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
