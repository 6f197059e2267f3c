package dev.blindfold.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void aSecretIsBfAndThirtyTwoRandomBytesInBase64Url() {
        String secret = TokenSecrets.generate();
        assertTrue(secret.startsWith("bf_"), secret);
        assertEquals(3 + 43, secret.length(), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring(3)).length);
        assertTrue(TokenSecrets.wellFormed(secret), secret);
    }

    @Test
    void everySecretIsNew() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenSecrets.generate()), "a secret repeated after " + i);
        }
    }

    @Test
    void theStoredHashIsTheLowerCaseHexSha256OfTheSecret() {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.hash("abc"));
        String secret = TokenSecrets.generate();
        String hash = TokenSecrets.hash(secret);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, TokenSecrets.hash(secret), "the same secret always finds the same row");
    }

    @Test
    void thePrefixShownInListsIsBfAndEightCharactersAndFitsItsColumn() {
        String secret = TokenSecrets.generate();
        String prefix = TokenSecrets.prefix(secret);
        assertEquals(secret.substring(0, 11), prefix);
        assertTrue(prefix.length() <= 16, "prefix fits VARCHAR(16)");
    }

    @Test
    void valuesThatCannotBeOurSecretsAreRejectedBeforeAnyLookUp() {
        String good = TokenSecrets.generate();
        for (String bad : new String[] {null, "", "bf_", "bf_short", good + "x", good.substring(0, 45),
                "xx_" + good.substring(3), good.substring(0, 10) + "+" + good.substring(11),
                good.substring(0, 10) + "=" + good.substring(11), good.substring(0, 10) + " " + good.substring(11),
                "dXNlcjpwYXNzd29yZA=="}) {
            assertFalse(TokenSecrets.wellFormed(bad), String.valueOf(bad));
        }
    }
}
