package dev.blindfold.audit.bundlewriter;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/** The app with an Ed25519 signing key for audit bundles, fresh for each run. */
public class SigningKeyProfile implements QuarkusTestProfile {

    static final KeyPair KEY = generate();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("blindfold.audit.signing-key", Base64.getEncoder().encodeToString(KEY.getPrivate().getEncoded()));
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
