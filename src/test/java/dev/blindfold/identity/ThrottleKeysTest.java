package dev.blindfold.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThrottleKeysTest {

    @Test
    void anAccountIsOneKeyWhateverItsCaseAndLongNamesStayShort() {
        assertEquals(ThrottleKeys.account("admin"), ThrottleKeys.account("ADMIN"));
        assertNotEquals(ThrottleKeys.account("admin"), ThrottleKeys.client("admin"));
        String huge = ThrottleKeys.account("x".repeat(100_000));
        assertTrue(huge.length() <= 120, huge);
        assertNotEquals(huge, ThrottleKeys.account("x".repeat(99_999)));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertEquals(ThrottleKeys.client("2001:db8:1:2:aaaa::1"), ThrottleKeys.client("2001:db8:1:2:bbbb::99"));
        assertNotEquals(ThrottleKeys.client("2001:db8:1:2::1"), ThrottleKeys.client("2001:db8:1:3::1"));
        assertEquals("client:203.0.113.7", ThrottleKeys.client("203.0.113.7"));
        assertEquals("client:unknown", ThrottleKeys.client(null));
    }
}
