package dev.blindfold.audit.chain;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The app reading chains 5 events a page when it verifies, so a test's chains span many pages. */
public class SmallVerifyPagesProfile implements QuarkusTestProfile {

    static final int PAGE = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("blindfold.audit.verify-page-size", String.valueOf(PAGE));
    }
}
