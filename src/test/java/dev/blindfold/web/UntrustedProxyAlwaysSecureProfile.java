package dev.blindfold.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Forwarded headers are honoured only from a proxy that is not this machine (TEST-NET 192.0.2.10), so the tests'
 * own X-Forwarded-Proto is a stranger's; and {@code blindfold.http.secure-cookies=always}.
 */
public class UntrustedProxyAlwaysSecureProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "192.0.2.10",
                "blindfold.http.secure-cookies", "always");
    }
}
