package dev.blindfold.layering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The import rules each {@code package-info.java} writes down, and what the sources under a root break of them. A
 * package's rules are two paragraphs of its javadoc: {@code <p><b>May import:</b> {@code a}, {@code b.c}.} names the
 * app's packages (relative to {@code dev.blindfold}) its classes may use besides their own ("nothing in the app" names
 * none), and the optional {@code <p><b>Outside the app, only:</b> {@code java}, {@code com.fasterxml.jackson}.} the
 * only other packages they may import (by prefix). Uses are the {@code import} lines and, outside comments and string
 * literals, fully qualified names written in code.
 */
final class PackageRules {

    static final String APP = "dev.blindfold";

    private static final Pattern MAY_IMPORT = Pattern.compile("<b>May import:</b>(.*?)(?:<p>|\\*/)", Pattern.DOTALL);
    private static final Pattern OUTSIDE = Pattern.compile("<b>Outside the app, only:</b>(.*?)(?:<p>|\\*/)", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z][\\w.]*)}");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+?)\\.([A-Z]\\w*)[\\w.*]*;",
            Pattern.MULTILINE);
    private static final Pattern IMPORT_ALL = Pattern.compile("^import\\s+([a-z][\\w.]*?)\\.\\*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.blindfold((?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);

    /** One package's rules; {@code outside} is empty when the package may import anything outside the app. */
    record Rule(String pkg, Set<String> mayImport, Optional<Set<String>> outside) {
    }

    private final Path root;
    private final Map<String, Rule> rules = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Reads the rules of every package under {@code root} (a source root holding {@code dev/blindfold}). */
    PackageRules(Path root) {
        this.root = root;
        for (String pkg : packages()) {
            Path info = dir(pkg).resolve("package-info.java");
            if (!Files.exists(info)) {
                problems.add(pkg + ": no package-info.java, so no rules");
                continue;
            }
            String text = read(info);
            Matcher may = MAY_IMPORT.matcher(text);
            if (!may.find()) {
                problems.add(pkg + ": package-info.java has no \"<b>May import:</b>\" paragraph");
                continue;
            }
            Matcher outside = OUTSIDE.matcher(text);
            rules.put(pkg, new Rule(pkg, names(may.group(1)),
                    outside.find() ? Optional.of(names(outside.group(1))) : Optional.empty()));
        }
    }

    Map<String, Rule> rules() {
        return rules;
    }

    /** Every broken rule, one line each: missing rules, rules naming no package, uses not allowed, cycles. */
    List<String> violations() {
        List<String> found = new ArrayList<>(problems);
        for (Rule rule : rules.values()) {
            for (String named : rule.mayImport()) {
                if (!rules.containsKey(named) && !problems.stream().anyMatch(p -> p.startsWith(named + ":"))) {
                    found.add(rule.pkg() + ": its rules name " + named + ", which is not a package here");
                }
            }
            for (Path source : sources(rule.pkg())) {
                found.addAll(uses(rule, source));
            }
        }
        cycle().ifPresent(c -> found.add("the rules form a cycle: " + String.join(" -> ", c)));
        return found;
    }

    private List<String> uses(Rule rule, Path source) {
        String text = read(source);
        String file = root.relativize(source).toString();
        Set<String> broken = new TreeSet<>();
        List<String> imported = new ArrayList<>();
        for (Pattern p : List.of(IMPORT, IMPORT_ALL)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                imported.add(m.group(1));
            }
        }
        for (String pkg : imported) {
            if (pkg.equals(APP) || pkg.startsWith(APP + ".")) {
                check(rule, relative(pkg), broken);
            } else if (rule.outside().isPresent() && !pkg.startsWith("java.lang") && rule.outside().get().stream()
                    .noneMatch(allowed -> pkg.equals(allowed) || pkg.startsWith(allowed + "."))) {
                broken.add(pkg + " (outside the app)");
            }
        }
        Matcher qualified = QUALIFIED.matcher(COMMENTS_AND_STRINGS.matcher(text).replaceAll(" "));
        while (qualified.find()) {
            check(rule, qualified.group(1).substring(1), broken);
        }
        return broken.stream().map(b -> file + ": " + rule.pkg() + " may not use " + b).toList();
    }

    private static void check(Rule rule, String used, Set<String> broken) {
        if (!used.equals(rule.pkg()) && !rule.mayImport().contains(used)) {
            broken.add(used);
        }
    }

    /** A cycle among the rules (each package listed once, the first again at the end), if there is one. */
    Optional<List<String>> cycle() {
        Map<String, Integer> state = new TreeMap<>();
        for (String pkg : rules.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(pkg, state, path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** Depth first; state 1 = on the current path, 2 = done. Leaves the cycle in {@code path} when one is found. */
    private boolean visit(String pkg, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(pkg);
        if (s != null && s == 2) {
            return false;
        }
        if (s != null) {
            path.subList(0, path.indexOf(pkg)).clear();
            path.add(pkg);
            return true;
        }
        state.put(pkg, 1);
        path.add(pkg);
        Rule rule = rules.get(pkg);
        for (String next : rule == null ? Set.<String>of() : rule.mayImport()) {
            if (visit(next, state, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return false;
    }

    private static Set<String> names(String paragraph) {
        Set<String> names = new TreeSet<>();
        Matcher m = CODE.matcher(paragraph);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String relative(String pkg) {
        return pkg.equals(APP) ? "" : pkg.substring(APP.length() + 1);
    }

    private Path dir(String pkg) {
        return root.resolve((APP + "." + pkg).replace('.', '/'));
    }

    /** The app's packages that hold Java sources, relative to {@code dev.blindfold}. */
    private Set<String> packages() {
        Path app = root.resolve(APP.replace('.', '/'));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(app)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).distinct().forEach(d -> {
                String pkg = app.relativize(d).toString().replace('/', '.').replace('\\', '.');
                if (!pkg.isEmpty()) {
                    found.add(pkg);
                } else {
                    problems.add("dev.blindfold itself holds sources; put them in a package with rules");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private List<Path> sources(String pkg) {
        try (Stream<Path> files = Files.list(dir(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
