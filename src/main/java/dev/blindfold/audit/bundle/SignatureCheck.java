package dev.blindfold.audit.bundle;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import java.security.PublicKey;

/**
 * The signature rules of a bundle. With a trusted key (the auditor's copy of the server's public key) the bundle must
 * be signed by it. Without one, a present signature must verify with the key the manifest names, and a manifest that
 * names a key must come with its signature; an unsigned bundle passes, since its sums only bind the files to a
 * manifest that anyone could have rewritten.
 */
final class SignatureCheck {

    private final PublicKey trusted;
    private final CappedFindings findings;

    SignatureCheck(PublicKey trusted, CappedFindings findings) {
        this.trusted = trusted;
        this.findings = findings;
    }

    /** Whether a signature verified. */
    boolean check(BundleManifest manifest, byte[] manifestBytes, byte[] signature) {
        if (signature == null) {
            if (trusted != null) {
                return fail("the bundle is unsigned (no " + BundleManifest.SIGNATURE + ") but a trusted key was given");
            }
            if (manifest.signingKey() != null) {
                return fail("the manifest names a signing key but " + BundleManifest.SIGNATURE + " is missing");
            }
            return false;
        }
        PublicKey key = trusted;
        if (key == null) {
            if (manifest.signingKey() == null) {
                return fail(BundleManifest.SIGNATURE + " is present but the manifest names no signing key");
            }
            try {
                key = ManifestSignature.publicKey(manifest.signingKey());
            } catch (IllegalArgumentException e) {
                return fail("the manifest's signingKey is not a base64 X.509 Ed25519 public key");
            }
        }
        if (!ManifestSignature.verify(key, manifestBytes, signature)) {
            return fail(BundleManifest.SIGNATURE + " does not verify over " + BundleManifest.MANIFEST + " with "
                    + (trusted != null ? "the trusted key" : "the key the manifest names"));
        }
        return true;
    }

    private boolean fail(String detail) {
        findings.add(new BundleFinding(Kind.SIGNATURE, BundleManifest.SIGNATURE, 0, null, 0, detail));
        return false;
    }
}
