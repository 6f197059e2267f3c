package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderPolicyTest {

    private final HeaderPolicy policy = new HeaderPolicy(Duration.ofDays(365), false);

    @Test
    void swaggerUiAloneMayShowDataImagesAndItsLogosStyle() {
        for (String path : List.of("/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            assertEquals(HeaderPolicy.PAGES.replace("img-src 'self';", "img-src 'self' data:;")
                            .replace("style-src 'self';", "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';"),
                    policy.contentSecurityPolicy(path), path);
        }
        for (String path : List.of("/", "/q/swagger-uix", "/assignments/1", "/q/openapi", "/js/x.js")) {
            assertEquals(HeaderPolicy.PAGES, policy.contentSecurityPolicy(path), path);
        }
        for (String policy : List.of(HeaderPolicy.PAGES, HeaderPolicy.SWAGGER_UI_POLICY)) {
            assertTrue(policy.contains("script-src 'self';"), policy);
            assertFalse(policy.contains("unsafe") || policy.contains("*"), policy);
        }
        assertFalse(HeaderPolicy.PAGES.contains("sha256") || HeaderPolicy.PAGES.contains("data:"));
    }

    @Test
    void onlyCodeStylesImagesAndFontsMayBeStored() {
        for (String type : List.of("text/javascript", "application/javascript;charset=UTF-8", "text/css", "image/svg+xml",
                "image/png", "font/woff2")) {
            assertTrue(HeaderPolicy.mayStore(200, type), type);
        }
        for (String type : List.of("text/html;charset=UTF-8", "application/json", "application/problem+json", "text/csv",
                "application/zip", "application/x-ndjson", "text/plain")) {
            assertFalse(HeaderPolicy.mayStore(200, type), type);
        }
        assertFalse(HeaderPolicy.mayStore(303, null), "a redirect without a body is not stored");
        assertTrue(HeaderPolicy.mayStore(304, null), "a revalidated asset keeps its caching");
    }

    @Test
    void hstsOnlyOverTlsAndOffAtZero() {
        assertEquals("max-age=31536000", policy.strictTransportSecurity(true));
        assertNull(policy.strictTransportSecurity(false));
        assertEquals("max-age=60; includeSubDomains", new HeaderPolicy(Duration.ofSeconds(60), true).strictTransportSecurity(true));
        assertNull(new HeaderPolicy(Duration.ZERO, true).strictTransportSecurity(true));
    }
}
