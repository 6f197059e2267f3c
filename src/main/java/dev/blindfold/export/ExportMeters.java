package dev.blindfold.export;

import dev.blindfold.observability.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Completed exports by format: {@code blindfold_exports_total}, {@code blindfold_export_rows_total} and
 * {@code blindfold_export_seconds}; failed ones: {@code blindfold_exports_failed_total}. An export counts once its
 * manifest is recorded; the labels file of an audit bundle is an export too (jsonl).
 */
@ApplicationScoped
@Startup // register the meters at boot, so every series is scraped from 0 on
class ExportMeters {

    private record Meters(Counter runs, Counter rows, Timer time, Counter failures) {
    }

    private final AfterCommit afterCommit;
    private final Map<ExportFormat, Meters> byFormat = new EnumMap<>(ExportFormat.class);

    ExportMeters(MeterRegistry registry, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        for (ExportFormat f : ExportFormat.values()) {
            String format = f.wireName();
            byFormat.put(f, new Meters(
                    Counter.builder("blindfold.exports").tag("format", format)
                            .description("Exports completed, by format").register(registry),
                    Counter.builder("blindfold.export.rows").tag("format", format)
                            .description("Rows written by completed exports, by format").register(registry),
                    Timer.builder("blindfold.export").tag("format", format)
                            .description("Time to stream an export and record its manifest").register(registry),
                    Counter.builder("blindfold.exports.failed").tag("format", format)
                            .description("Exports that stopped part-way (their manifest says why), by format")
                            .register(registry)));
        }
    }

    /** An export that stopped part-way; counted at once (its manifest's failure has its own transaction). */
    void failed(ExportFormat format) {
        byFormat.get(format).failures().increment();
    }

    /** A completed export; {@code startedNanos} is {@link System#nanoTime()} when it began streaming. */
    void exported(ExportFormat format, long rows, long startedNanos) {
        Meters m = byFormat.get(format);
        afterCommit.run(() -> {
            m.runs().increment();
            m.rows().increment(rows);
            m.time().record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        });
    }
}
