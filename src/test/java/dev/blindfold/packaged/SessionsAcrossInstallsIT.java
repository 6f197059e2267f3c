package dev.blindfold.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Two fresh installs, each on its own empty database, both with the shipped defaults: a sign-in cookie from one is
 * refused by the other, and so is a cookie minted the way Quarkus form authentication minted it with the constant
 * fallback key every default install used to share (an admin session anyone could forge).
 */
class SessionsAcrossInstallsIT {

    private static final String OLD_CONSTANT_KEY = "blindfold-dev-session-key-change-me-in-production-0123";

    @Test
    void aSessionFromOneFreshInstallIsRefusedByAnother() throws Exception {
        try (AppDatabase dbA = AppDatabase.fresh("install-a");
             AppDatabase dbB = AppDatabase.fresh("install-b");
             PackagedApp a = PackagedApp.launch("install-a", dbA, java.util.Map.of());
             PackagedApp b = PackagedApp.launch("install-b", dbB, java.util.Map.of())) {
            a.awaitReady();
            b.awaitReady();
            BrowserSession fromA = BrowserSession.signIn(a, "admin", PackagedApp.ADMIN_PASSWORD);
            assertEquals(200, fromA.get(a, "/api/projects").statusCode(), "the session works where it was made");

            assertEquals(401, fromA.get(b, "/api/projects").statusCode(), "another install does not know it");
            HttpResponse<String> page = fromA.get(b, "/");
            assertEquals(303, page.statusCode());
            assertEquals("/login", page.headers().firstValue("Location").map(l -> java.net.URI.create(l).getPath()).orElse(""));

            String forged = dev.blindfold.identity.ForgedQuarkusCookie.mint(OLD_CONSTANT_KEY, "admin");
            for (PackagedApp app : java.util.List.of(a, b)) {
                assertEquals(401, BrowserSession.get(app, "/api/projects", "quarkus-credential", forged).statusCode());
                assertEquals(401, BrowserSession.get(app, "/api/projects", BrowserSession.SESSION_COOKIE, forged).statusCode());
            }
        }
    }
}
