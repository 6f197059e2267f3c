package dev.blindfold.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of a personal API token: {@code bf_} + 32 random bytes in unpadded base64url (43 chars).
 * Only its SHA-256 is stored. A plain hash is enough here, unlike for passwords: the secret carries
 * 256 bits from {@link SecureRandom}, so there is nothing to guess and no dictionary to try, and a slow
 * hash like bcrypt would only make every script request slower. It also lets us look a token up by
 * its hash (a unique index) instead of comparing against every stored hash.
 */
final class TokenSecrets {

    static final String SCHEME_PREFIX = "bf_";
    static final int RANDOM_BYTES = 32;
    /** Characters of the secret shown in lists: {@code bf_} and the first 8 random characters. */
    static final int SHOWN_PREFIX = SCHEME_PREFIX.length() + 8;

    private static final Pattern SHAPE = Pattern.compile("bf_[A-Za-z0-9_-]{43}");
    private static final Pattern RANDOM_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** A new secret; give it to the user once and keep only {@link #hash}. */
    static String generate() {
        return SCHEME_PREFIX + random();
    }

    /** 32 bytes from {@link SecureRandom} in unpadded base64url (43 chars): a session's secret. */
    static String random() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether a presented value could be one of {@link #random()}'s at all. */
    static boolean wellFormedRandom(String presented) {
        return presented != null && RANDOM_SHAPE.matcher(presented).matches();
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes (64 characters). */
    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The start of the secret that the UI shows to tell tokens apart; reveals 48 of its 256 bits. */
    static String prefix(String secret) {
        return secret.substring(0, SHOWN_PREFIX);
    }

    /** Whether a presented value could be one of our secrets at all (saves a database look-up). */
    static boolean wellFormed(String presented) {
        return presented != null && SHAPE.matcher(presented).matches();
    }
}
