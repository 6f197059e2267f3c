package dev.blindfold.audit.report;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The report verifies logs of at most 3 events itself, so a test's log is soon past it. */
public class SmallReportVerifyProfile implements QuarkusTestProfile {

    static final int EVENTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("blindfold.audit.report-verify-events", String.valueOf(EVENTS));
    }
}
