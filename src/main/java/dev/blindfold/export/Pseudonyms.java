package dev.blindfold.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable per-project pseudonyms for annotators: "ann-" + 12 hex digits of HMAC-SHA256(key, project:user);
 * for another tool's annotators "ext-" + 12 hex digits of HMAC-SHA256(key, project:source:annotator).
 * One instance serves one export; pseudonyms are cached, as a project has few annotators.
 */
final class Pseudonyms {

    private final SecretKeySpec key;
    private final long projectId;
    private final Map<String, String> cache = new HashMap<>();

    Pseudonyms(String key, long projectId) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.projectId = projectId;
    }

    String of(long userId) {
        return cache.computeIfAbsent(projectId + ":" + userId, message -> "ann-" + hmac(message));
    }

    String ofImported(String source, String annotator) {
        return cache.computeIfAbsent(projectId + ":" + source + ":" + annotator, message -> "ext-" + hmac(message));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
