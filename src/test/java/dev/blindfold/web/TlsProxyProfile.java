package dev.blindfold.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The app behind a TLS-terminating proxy on this machine: X-Forwarded-* honoured from loopback only, as
 * docker/compose.yaml sets it up for nginx. HSTS shortened and widened to see both settings at work.
 */
public class TlsProxyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.0/8,::1/128",
                "blindfold.http.hsts-max-age", "PT1H",
                "blindfold.http.hsts-include-subdomains", "true");
    }
}
