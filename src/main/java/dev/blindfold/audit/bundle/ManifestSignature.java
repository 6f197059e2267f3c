package dev.blindfold.audit.bundle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures over the exact bytes of {@code manifest.json}, with the JDK alone. Keys travel as base64:
 * private keys PKCS#8, public keys X.509 (SubjectPublicKeyInfo); the signature file is base64 text.
 */
public final class ManifestSignature {

    private static final String ALGORITHM = "Ed25519";

    private ManifestSignature() {
    }

    /** The signing key pair from a base64 PKCS#8 Ed25519 private key (the public half is derived from it). */
    public static KeyPair keyPair(String base64Pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
            return new KeyPair(publicOf(priv), priv);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("blindfold.audit.signing-key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** The base64 signature file for {@code manifest}. */
    public static byte[] sign(PrivateKey key, byte[] manifest) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(manifest);
            return Base64.getEncoder().encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signatureFile} (base64) is {@code key}'s signature over {@code manifest}; false for junk. */
    public static boolean verify(PublicKey key, byte[] manifest, byte[] signatureFile) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(manifest);
            return s.verify(Base64.getDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A base64 X.509 Ed25519 public key; IllegalArgumentException when it is not one. */
    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    /**
     * The public key of an Ed25519 private key. The JDK has no call for it, but its key pair generator takes the
     * private key's 32 bytes from the random source it is given: feeding it the seed re-derives the pair, and the
     * generated private key is checked to be the same key.
     */
    private static PublicKey publicOf(PrivateKey priv) throws GeneralSecurityException {
        byte[] seed = ((java.security.interfaces.EdECPrivateKey) priv).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("private key without bytes"));
        java.security.SecureRandom replay = new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        };
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(java.security.spec.NamedParameterSpec.ED25519, replay);
        KeyPair pair = generator.generateKeyPair();
        byte[] again = ((java.security.interfaces.EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        if (!java.util.Arrays.equals(seed, again)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        return pair.getPublic();
    }
}
