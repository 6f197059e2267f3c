package dev.blindfold.layering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layering the package-info files promise holds: every package of the app states what it may import, its sources
 * import nothing else (imports and fully qualified names in code), the plain packages shared with the offline
 * verifier reach nothing outside the JDK and Jackson, and the rules themselves have no cycle, so the packages stack in
 * layers. The rules are read from the sources, so changing a promise changes the check.
 */
class PackageRulesTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void theAppKeepsEveryPackagesRules() {
        PackageRules rules = new PackageRules(MAIN);
        assertTrue(rules.rules().size() >= 20, "rules read: " + rules.rules().keySet());
        assertEquals(List.of(), rules.violations());
    }

    @Test
    void theLayersAreTheOnesTheReadmeDescribes() {
        PackageRules rules = new PackageRules(MAIN);
        assertEquals(Set.of(), rules.rules().get("web").mayImport());
        assertEquals(Set.of("web"), rules.rules().get("identity").mayImport());
        assertEquals(Optional.of(Set.of("java", "com.fasterxml.jackson")), rules.rules().get("audit.bundle").outside());
        for (String pkg : rules.rules().keySet()) {
            if (!pkg.startsWith("audit")) {
                assertTrue(rules.rules().get(pkg).mayImport().stream().noneMatch(p -> p.startsWith("audit")),
                        pkg + " may not import audit: audit reads everything, nothing reads audit");
            }
        }
    }

    @Test
    void aForbiddenImportAQualifiedNameAForeignLibraryAndACycleAreEachFound(@TempDir Path root) throws IOException {
        write(root, "low", "package-info.java", "/**\n * Low.\n *\n * <p><b>May import:</b> nothing in the app.\n *\n"
                + " * <p><b>Outside the app, only:</b> {@code java}.\n */\npackage dev.blindfold.low;\n");
        write(root, "low", "Low.java", "package dev.blindfold.low;\n\nimport dev.blindfold.high.High;\n"
                + "import com.example.Lib;\nimport java.util.List;\n\n/** Uses {@link dev.blindfold.high.High}. */\n"
                + "class Low {\n    String s = \"dev.blindfold.high.High\";\n    Object o = new dev.blindfold.mid.Mid();\n}\n");
        write(root, "mid", "package-info.java", "/**\n * Mid.\n *\n * <p><b>May import:</b> {@code high}.\n */\n"
                + "package dev.blindfold.mid;\n");
        write(root, "mid", "Mid.java", "package dev.blindfold.mid;\n\npublic class Mid {\n}\n");
        write(root, "high", "package-info.java", "/**\n * High.\n *\n * <p><b>May import:</b> {@code low}, {@code mid},"
                + " {@code gone}.\n */\npackage dev.blindfold.high;\n");
        write(root, "high", "High.java", "package dev.blindfold.high;\n\nimport dev.blindfold.low.*;\n\npublic class High {\n}\n");
        write(root, "bare", "Bare.java", "package dev.blindfold.bare;\n\nclass Bare {\n}\n");

        List<String> found = new PackageRules(root).violations();

        assertEquals(List.of(
                "bare: no package-info.java, so no rules",
                "high: its rules name gone, which is not a package here",
                "dev/blindfold/low/Low.java: low may not use com.example (outside the app)",
                "dev/blindfold/low/Low.java: low may not use high",
                "dev/blindfold/low/Low.java: low may not use mid",
                "the rules form a cycle: high -> mid -> high"), found);
    }

    private static void write(Path root, String pkg, String file, String text) throws IOException {
        Path dir = root.resolve("dev/blindfold").resolve(pkg);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), text);
    }
}
