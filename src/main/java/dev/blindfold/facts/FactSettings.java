package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureThresholds;
import dev.blindfold.web.BlindfoldConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The configured lines label facts are drawn with ({@code blindfold.export.*} and {@code blindfold.audit.*}). */
@ApplicationScoped
public class FactSettings {

    private final FlagLimits limits;

    FactSettings(BlindfoldConfig config) {
        BlindfoldConfig.Export export = config.export();
        this.limits = new FlagLimits(new ExposureThresholds(export.nearIdentical(), export.pasteDominantShare(),
                export.offscreenShare()), config.audit().minBlindMs(), config.audit().maxBlindFocusLosses());
    }

    public FlagLimits limits() {
        return limits;
    }
}
