package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.web.CookieSecurity.Mode;
import org.junit.jupiter.api.Test;

class CookieSecurityTest {

    @Test
    void autoFollowsTlsAlwaysAndNeverDoNot() {
        assertTrue(new CookieSecurity(Mode.AUTO).secure(true));
        assertFalse(new CookieSecurity(Mode.AUTO).secure(false));
        assertTrue(new CookieSecurity(Mode.ALWAYS).secure(false));
        assertTrue(new CookieSecurity(Mode.ALWAYS).secure(true));
        assertFalse(new CookieSecurity(Mode.NEVER).secure(true));
        assertFalse(new CookieSecurity(Mode.NEVER).secure(false));
    }

    @Test
    void aSetCookieHeaderGainsOrLosesOnlyItsSecureAttribute() {
        String plain = "blindfold_session=abc; Path=/; HttpOnly; SameSite=Strict";
        assertEquals(plain + "; Secure", CookieSecurity.withSecure(plain, true));
        assertEquals(plain, CookieSecurity.withSecure(plain, false));
        assertEquals(plain + "; Secure", CookieSecurity.withSecure("blindfold_session=abc; Path=/; secure; HttpOnly; SameSite=Strict", true));
        assertEquals(plain, CookieSecurity.withSecure("blindfold_session=abc; Secure; Path=/; HttpOnly; SameSite=Strict", false));
        assertEquals("a=Secure; Secure", CookieSecurity.withSecure("a=Secure", true), "a value that reads Secure stays");
    }
}
