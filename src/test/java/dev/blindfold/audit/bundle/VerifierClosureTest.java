package dev.blindfold.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The verifier jar shades three whole packages (see pom.xml). This reads every dependency of their compiled
 * classes with the JDK's jdeps and fails when one reaches outside them, the JDK and Jackson: a class that would
 * be missing from {@code target/blindfold-verify.jar} is caught at {@code test}, before anything is packaged.
 */
class VerifierClosureTest {

    static final List<String> SHADED = List.of("dev.blindfold.audit.bundle.", "dev.blindfold.provenance.chain.",
            "dev.blindfold.exposure.");
    static final List<String> ALLOWED = Stream.concat(SHADED.stream(),
            Stream.of("java.", "javax.", "com.fasterxml.jackson.")).toList();

    @Test
    void shadedPackagesReachOnlyEachOtherTheJdkAndJackson() throws URISyntaxException {
        Path classes = Path.of(VerifyCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String out = jdeps("-filter:none", "-verbose:class", classes.toString());
        List<String> edges = out.lines().map(String::strip).filter(l -> l.contains(" -> "))
                .filter(l -> SHADED.stream().anyMatch(l::startsWith)).toList();
        assertTrue(edges.size() > 100, "jdeps read the verifier's classes:\n" + out);
        List<String> outside = edges.stream()
                .filter(l -> ALLOWED.stream().noneMatch(l.split("\\s+")[2]::startsWith)).toList();
        assertEquals(List.of(), outside, "classes the verifier jar would not contain");
    }

    static String jdeps(String... args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("the JDK has jdeps"));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        assertEquals(0, status, out.toString());
        return out.toString();
    }
}
