package dev.blindfold.observability;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The JSON routes the app serves, read by reflection from the {@code @Path} resources under {@code /api}. */
final class ApiRoutes {

    private ApiRoutes() {
    }

    /** Path template (as OpenAPI writes it) to its HTTP methods, lower case. */
    static Map<String, Set<String>> served() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get("target", "classes");
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("dev/blindfold"))) {
            names = files.map(p -> root.relativize(p).toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        }
        Map<String, Set<String>> routes = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ApiRoutes.class.getClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null || !base.value().startsWith("/api")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    routes.computeIfAbsent(join(base.value(), sub == null ? "" : sub.value()), k -> new TreeSet<>())
                            .add(verb);
                }
            }
        }
        return routes;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
