package dev.blindfold.golditems;

import dev.blindfold.project.KnownAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads the {@link GoldQuality} part of a project's anchoring report: kept counts only, no label. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GoldQualityReads {

    private final GoldAccuracy accuracy;
    private final KnownAnswers known;

    GoldQualityReads(GoldAccuracy accuracy, KnownAnswers known) {
        this.accuracy = accuracy;
        this.known = known;
    }

    public GoldQuality quality(long projectId) {
        return accuracy.quality(projectId, known.count(projectId));
    }
}
