package dev.blindfold.identity;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tight sign-in backoff with short delays (2 s first, so a loaded machine still sees the block, capped at 3 s), and the client address taken from X-Forwarded-For (as behind a trusted
 * proxy), so each test signs in from an address of its own.
 */
public class ThrottleProfile implements QuarkusTestProfile {

    static final int ACCOUNT_FREE = 3;
    static final int CLIENT_FREE = 6;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "blindfold.sign-in.account-free-failures", Integer.toString(ACCOUNT_FREE),
                "blindfold.sign-in.account-first-delay", "PT2S",
                "blindfold.sign-in.account-max-delay", "PT3S",
                "blindfold.sign-in.client-free-failures", Integer.toString(CLIENT_FREE),
                "blindfold.sign-in.client-first-delay", "PT2S",
                "blindfold.sign-in.client-max-delay", "PT3S",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true");
    }
}
