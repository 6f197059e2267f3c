package dev.blindfold.audit.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.audit.timeline.Timeline.Entry;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.facts.LabelReader;
import dev.blindfold.identity.User;
import dev.blindfold.labeling.Assignment;
import dev.blindfold.project.Item;
import dev.blindfold.project.Project;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.blindfold.audit.anchoring.AnchoringFlag;

/**
 * The timeline of one label, read in one transaction: the assignment's events in chain order, and its
 * exposure class and prior exposure from {@link LabelReader#one}, the classifier exports use (B6).
 */
@ApplicationScoped
@Transactional
public class TimelineService {

    private final EventLog log;
    private final LabelReader labels;
    private final ObjectMapper json;

    TimelineService(EventLog log, LabelReader labels, ObjectMapper json) {
        this.log = log;
        this.labels = labels;
        this.json = json;
    }

    /** The timeline of assignment {@code aid}; a 404 problem when there is no such assignment. */
    public Timeline of(long aid) {
        Assignment a = Assignment.findById(aid);
        if (a == null) {
            throw ProblemException.notFound("Assignment " + aid);
        }
        Project project = Project.findById(a.projectId);
        Item item = Item.findById(a.itemId);
        User annotator = User.findById(a.annotatorId);
        List<Entry> events = log.forAssignment(aid).stream().map(this::entry).toList();
        Optional<LabelExposure> label = labels.one(a.annotatorId, aid);
        String blind = label.map(LabelExposure::blindAnswer).orElse(null);
        String decision = label.map(LabelExposure::decision).orElse(null);
        String fin = decision == null ? null : label.get().finalAnswer();
        List<String> flags = new ArrayList<>();
        label.ifPresent(l -> {
            if (l.pasteDominant()) {
                flags.add(AnchoringFlag.PASTE_DOMINANT);
            }
            if (l.offscreenComposition()) {
                flags.add(AnchoringFlag.OFFSCREEN_COMPOSITION);
            }
            if (l.seenBefore() != null) {
                flags.add(AnchoringFlag.SEEN_BEFORE_COMMIT);
            }
        });
        return new Timeline(aid, project.id, project.name, item.externalId, item.input,
                annotator == null ? "#" + a.annotatorId : annotator.username, a.status.name(), blind, fin, decision,
                TimelineEvents.guidelinesVersion(events), label.map(LabelExposure::exposure).orElse(null),
                label.map(LabelExposure::priorExposure).orElse(Map.of()),
                label.map(LabelExposure::sameContent).orElse(Map.of()), label.map(LabelExposure::seenBefore).orElse(null),
                flags,
                TimelineEvents.milestones(events), TimelineEvents.rows(events));
    }

    private Entry entry(Event e) {
        try {
            JsonNode data = json.readTree(e.payload());
            return new Entry(e.seq(), e.type(), e.serverTime(), e.clientTime(), e.clientClaimed(), data);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored payload is not JSON", ex);
        }
    }
}
