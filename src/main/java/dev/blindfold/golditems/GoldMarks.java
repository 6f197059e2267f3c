package dev.blindfold.golditems;

import dev.blindfold.project.KnownAnswers;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.Project;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Label ops mark an item gold with its known answer, change it, or make it regular again ({@link KnownAnswers}), each
 * change a {@code GOLD_ITEM_SET} or {@code GOLD_ITEM_CLEARED} event in the ops user's chain (on no assignment: no
 * annotator reads it), in the same transaction.
 */
@ApplicationScoped
@Transactional
public class GoldMarks {

    private final ProjectService projects;
    private final KnownAnswers known;
    private final EventLog log;
    private final int maxAnswer;

    GoldMarks(ProjectService projects, KnownAnswers known, EventLog log, BlindfoldConfig config) {
        this.projects = projects;
        this.known = known;
        this.log = log;
        this.maxAnswer = config.answers().maxLength();
    }

    public void mark(long projectId, String externalId, String answer, long actorId) {
        Project project = projects.find(projectId);
        known.mark(project, externalId, answer, maxAnswer, actorId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("itemExternalId", externalId);
        payload.put("answer", answer);
        log.append(new NewEvent(projectId, actorId, null, EventType.GOLD_ITEM_SET, null, payload));
    }

    /** False when the item was not gold (nothing logged). */
    public boolean unmark(long projectId, String externalId, long actorId) {
        boolean was = known.unmark(projects.find(projectId), externalId);
        if (was) {
            log.append(new NewEvent(projectId, actorId, null, EventType.GOLD_ITEM_CLEARED, null,
                    Map.of("itemExternalId", externalId)));
        }
        return was;
    }
}
