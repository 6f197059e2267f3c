package dev.blindfold.audit.report;

import dev.blindfold.facts.FactSettings;
import dev.blindfold.facts.LabelReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import dev.blindfold.audit.anchoring.AnchoringStatistics;
import dev.blindfold.audit.anchoring.AnchoringTables;

/**
 * The audit report as the log says it, for tests: every label of the project classified from its annotator's log
 * ({@link LabelReader}) and added up by {@link AnchoringStatistics}, as the audit views did before the read models.
 */
@ApplicationScoped
public class ReportOracle {

    @jakarta.inject.Inject
    EntityManager em;

    @jakarta.inject.Inject
    LabelReader labels;

    @jakarta.inject.Inject
    FactSettings settings;

    @Transactional(Transactional.TxType.MANDATORY)
    public AnchoringTables report(long projectId) {
        Map<Long, String> names = new HashMap<>();
        em.createQuery("select u.id, u.username from User u", Object[].class).getResultList()
                .forEach(r -> names.put((Long) r[0], (String) r[1]));
        AnchoringStatistics statistics = new AnchoringStatistics(names::get, settings.limits().minBlindMs(),
                settings.limits().maxBlindFocusLosses());
        labels.forEach(projectId, null, statistics::add);
        return statistics.report();
    }
}
