package dev.blindfold.audit.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code java -jar blindfold-verify.jar BUNDLE [--public-key BASE64|@file] [--json] [--chains-only]}: verifies an audit
 * bundle offline; {@code --chains-only} checks the manifest, its signature and the chains, not the files' digests or
 * the exposure tags. Exit 0 when intact, 1 when anything is wrong (each problem is printed), 2 when the bundle cannot be
 * read or the arguments are wrong. Needs the JDK and Jackson, no database.
 */
public final class VerifyCommand {

    static final String USAGE = "usage: java -jar blindfold-verify.jar BUNDLE(.zip or directory) [--public-key BASE64|@file] [--json] [--chains-only]";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String bundle = null;
        String key = null;
        boolean json = false;
        boolean chainsOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--chains-only" -> chainsOnly = true;
                case "--public-key" -> key = i + 1 < args.length ? args[++i] : null;
                default -> {
                    if (args[i].startsWith("--") || bundle != null) {
                        err.println(USAGE);
                        return 2;
                    }
                    bundle = args[i];
                }
            }
        }
        if (bundle == null || (key == null && java.util.Arrays.asList(args).contains("--public-key"))) {
            err.println(USAGE);
            return 2;
        }
        PublicKey trusted;
        try {
            trusted = key == null ? null : ManifestSignature.publicKey(key.startsWith("@")
                    ? Files.readString(Path.of(key.substring(1)), StandardCharsets.US_ASCII) : key);
        } catch (IOException | IllegalArgumentException e) {
            err.println("--public-key: " + e.getMessage());
            return 2;
        }
        try {
            BundleVerifier verifier = new BundleVerifier(trusted);
            BundleVerification result = chainsOnly ? verifier.verifyChains(Path.of(bundle)) : verifier.verify(Path.of(bundle));
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            } else {
                out.println(result.summary());
                result.findings().forEach(f -> out.println("  " + f));
            }
            return result.ok() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot read " + bundle + ": " + e);
            return 2;
        }
    }
}
