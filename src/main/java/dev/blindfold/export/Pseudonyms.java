package dev.blindfold.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stable per-project pseudonyms for annotators: "ann-" + 12 hex digits of HMAC-SHA256(key, project:user). */
final class Pseudonyms {

    private final SecretKeySpec key;
    private final long projectId;

    Pseudonyms(String key, long projectId) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.projectId = projectId;
    }

    String of(long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((projectId + ":" + userId).getBytes(StandardCharsets.UTF_8));
            return "ann-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
