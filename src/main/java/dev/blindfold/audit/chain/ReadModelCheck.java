package dev.blindfold.audit.chain;

import dev.blindfold.agreement.AgreementService;
import dev.blindfold.facts.FactCheck;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import dev.blindfold.audit.mirrorgap.MirrorGapRecount;
import dev.blindfold.web.LongReads;

/**
 * Whether the read models a project's views read agree with its log: the kept label facts and week sums against the
 * log ({@link FactCheck}), the kept agreement against one counted from the answers ({@link AgreementService#recount}),
 * and the kept mirror gap against a count ({@link MirrorGapRecount}).
 * Reads every label's events, in a read transaction of its own.
 */
@ApplicationScoped
public class ReadModelCheck {

    /** The outcome, as {@code /audit/verify?readModels=true} reports it. */
    public record ReadModels(boolean agree, long labels, List<String> differences) {
    }

    private final FactCheck facts;
    private final AgreementService agreement;
    private final MirrorGapRecount mirrorGap;

    ReadModelCheck(FactCheck facts, AgreementService agreement, MirrorGapRecount mirrorGap) {
        this.facts = facts;
        this.agreement = agreement;
        this.mirrorGap = mirrorGap;
    }

    public ReadModels check(long projectId) {
        return QuarkusTransaction.requiringNew().timeout(LongReads.TIMEOUT_SECONDS).call(() -> {
            FactCheck.Outcome outcome = facts.check(projectId);
            List<String> differences = new ArrayList<>(outcome.differences());
            AgreementService.Agreement kept = agreement.agreement(projectId);
            AgreementService.Agreement counted = agreement.recount(projectId);
            if (!kept.equals(counted)) {
                differences.add("agreement: kept " + kept + ", counted from the answers " + counted);
            }
            differences.addAll(mirrorGap.differences(projectId));
            return new ReadModels(differences.isEmpty(), outcome.labels(), differences);
        });
    }
}
