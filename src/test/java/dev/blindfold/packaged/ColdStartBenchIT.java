package dev.blindfold.packaged;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cold start benchmark, not a timed test ({@code ./mvnw -B -o verify -Pbench[,pg] -Dtest=none
 * -Dit.test=ColdStartBenchIT}): the time from {@code ProcessBuilder.start()} to the first 200 of Blindfold's
 * sign-in page on a migrated database (a restart) and on an empty one (first start: migrations, first admin),
 * of the bare Quarkus REST app in {@code bench/bare-app} (built here with the Maven wrapper), and of the JVM
 * alone ({@code java -version}); the same java and {@code -Xmx256m} for all, {@code bench.runs} (5) runs each,
 * alternating. With {@code -Dbench.appcds=true} Blindfold and the bare app each start from their own AppCDS
 * archive (see {@link BareApp#appCds}). Appends median and min to {@code bench/results/<date>-cold-start.md};
 * asserts only that every start served its page.
 */
class ColdStartBenchIT {

    private enum Kind {
        RESTART("Blindfold, migrated database: GET /login"),
        FIRST("Blindfold, empty database (migrations, first admin): GET /login"),
        BARE("bare Quarkus REST app: GET /hello"),
        JVM("JVM launch alone: java -version");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Test
    void everyStartServesItsFirstPage() throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        boolean appCds = Boolean.getBoolean("bench.appcds");
        Path bareJar = BareApp.build();
        Map<Kind, List<ColdStart>> starts = new java.util.EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            starts.put(k, new ArrayList<>());
        }
        try (AppDatabase migrated = AppDatabase.fresh("coldstart")) {
            // Untimed: migrate the restart case's database and bring both jars into the page cache.
            blindfold("cold-migrate", migrated, List.of());
            BareApp.start(bareJar, List.of(), "cold-bare-warm");
            List<String> blindfoldJvm = List.of();
            List<String> bareJvm = List.of();
            if (appCds) {
                blindfoldJvm = BareApp.appCds("blindfold", archive -> blindfold("cold-cds-training", migrated, archive));
                bareJvm = BareApp.appCds("bare", archive -> BareApp.start(bareJar, archive, "cold-bare-cds-training"));
            }
            for (int run = 1; run <= runs; run++) {
                starts.get(Kind.RESTART).add(blindfold("cold-restart-" + run, migrated, blindfoldJvm));
                try (AppDatabase empty = AppDatabase.fresh("coldfirst")) {
                    starts.get(Kind.FIRST).add(blindfold("cold-first-" + run, empty, blindfoldJvm));
                }
                starts.get(Kind.BARE).add(BareApp.start(bareJar, bareJvm, "cold-bare-" + run));
                starts.get(Kind.JVM).add(BareApp.javaVersion());
                System.out.printf(Locale.ROOT, "bench: run %d: restart %.2f s, first %.2f s, bare %.2f s, jvm %.2f s%n", run,
                        last(starts, Kind.RESTART), last(starts, Kind.FIRST), last(starts, Kind.BARE), last(starts, Kind.JVM));
            }
        }
        String table = table(starts, runs, appCds, AppDatabase.postgresBuild() ? "PostgreSQL" : "H2 file");
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-cold-start.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static ColdStart blindfold(String name, AppDatabase db, List<String> jvm) {
        PackagedApp app = PackagedApp.launch(name, db, Map.of(), jvm);
        try {
            double seconds = ColdStart.firstOk(app.uri("/login"), app.startedAt(), app::alive, app::logTail);
            return new ColdStart(seconds, ColdStart.startedIn(app.log()));
        } finally {
            app.close();
        }
    }

    private static double last(Map<Kind, List<ColdStart>> starts, Kind kind) {
        List<ColdStart> list = starts.get(kind);
        return list.get(list.size() - 1).seconds();
    }

    private static String table(Map<Kind, List<ColdStart>> starts, int runs, boolean appCds, String database) {
        double bare = ColdStart.median(starts.get(Kind.BARE));
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "%n### Cold start to first served page (%s, Blindfold on %s, %d cores, %d runs each, alternating, "
                        + "java %s -Xmx256m%s, load average %s)%n%n", LocalDate.now(), database,
                Runtime.getRuntime().availableProcessors(), runs, Runtime.version().feature(),
                appCds ? ", each app with its own AppCDS archive trained on one start to its first page" : "",
                AnnotatorLoopBenchIT.loadAverage()));
        md.append("| start | median s | min s | runs s | Quarkus \"started in\" median s | × bare app (median) |\n");
        md.append("|---|---:|---:|---|---:|---:|\n");
        for (Kind k : Kind.values()) {
            List<ColdStart> list = starts.get(k);
            double median = ColdStart.median(list);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s | %.2f |%n", k.label, median,
                    list.stream().mapToDouble(ColdStart::seconds).min().orElseThrow(),
                    String.join(", ", list.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.seconds())).toList()),
                    k == Kind.JVM ? "–" : String.format(Locale.ROOT, "%.2f", ColdStart.medianStartedIn(list)), median / bare));
        }
        return md.toString();
    }
}
