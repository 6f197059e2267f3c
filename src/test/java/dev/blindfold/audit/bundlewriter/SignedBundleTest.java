package dev.blindfold.audit.bundlewriter;

import dev.blindfold.audit.bundle.BundleManifest;
import dev.blindfold.audit.bundle.BundleVerification;
import dev.blindfold.audit.bundle.BundleVerifier;
import dev.blindfold.audit.bundle.ManifestSignature;
import static dev.blindfold.audit.bundlewriter.BundleTamperTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a signing key configured, bundles carry an Ed25519 signature that a rewritten manifest cannot keep. */
@QuarkusTest
@TestProfile(SigningKeyProfile.class)
class SignedBundleTest {

    private static BundleFiles signed;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() throws IOException {
        if (signed == null) {
            var f = AuditFixture.labelled();
            signed = BundleFiles.read(AuditFixture.bundle(f.ops(), f.projectId()));
        }
    }

    @Test
    void signedBundleVerifiesWithTheServersPublicKey() throws IOException {
        assertTrue(signed.files.containsKey(BundleManifest.SIGNATURE));
        assertEquals(ManifestSignature.encode(SigningKeyProfile.KEY.getPublic()), signed.manifest().signingKey());
        BundleVerification r = verify(signed, SigningKeyProfile.KEY.getPublic(), "signed");
        assertTrue(r.ok(), r.findings().toString());
        assertTrue(r.signed());
        assertTrue(r.summary().endsWith("signature verified"), r.summary());
    }

    @Test
    void anotherPublicKeyFailsTheSignature() throws IOException {
        BundleVerification r = verify(signed, SigningKeyProfile.generate().getPublic(), "other-key");
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertHas(r, Kind.SIGNATURE, BundleManifest.SIGNATURE, 0, 0);
    }

    @Test
    void rewrittenHistoryWithARecomputedManifestFailsTheSignatureAndUnsignedFailsTheTrustedKey() throws IOException {
        BundleFiles b = signed.copy();
        int labelLine = Forgery.revealBeforeCommit(b) + 1;
        BundleVerification r = verify(b, null, "forged");
        assertHas(r, Kind.SIGNATURE, BundleManifest.SIGNATURE, 0, 0);
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labelLine, -1);

        b.unsign();
        r = verify(b, null, "forged-unsigned");
        assertEquals(1, r.findings().size(), "without a trusted key only the tag betrays it: " + r.findings());
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labelLine, -1);
        r = verify(b, SigningKeyProfile.KEY.getPublic(), "forged-unsigned-trusted");
        assertHas(r, Kind.SIGNATURE, BundleManifest.SIGNATURE, 0, 0);
    }

    private BundleVerification verify(BundleFiles b, PublicKey trusted, String name) throws IOException {
        return new BundleVerifier(trusted).verify(b.write(dir, name));
    }
}
