package dev.blindfold.audit.bundle;

import java.util.List;

/**
 * What an offline verification of an audit bundle found: counts read and every problem with its position.
 * {@code chainsOnly}: only the manifest, its signature and the chains were checked ({@link BundleVerifier#verifyChains}).
 */
public record BundleVerification(boolean ok, long events, long chains, long labels, boolean signed,
                                 List<BundleFinding> findings, boolean chainsOnly) {

    public String summary() {
        if (ok) {
            return "OK: " + events + " events in " + chains + " chains" + (chainsOnly
                    ? "; chains end at the manifest's heads (files and exposure tags not checked)"
                    : ", " + labels + " labels; files match; exposure tags match")
                    + (signed ? "; signature verified" : "");
        }
        return "BROKEN: " + findings.size() + " problem" + (findings.size() == 1 ? "" : "s") + " (" + events + " events in "
                + chains + " chains" + (chainsOnly ? "" : ", " + labels + " labels") + " read)";
    }
}
