package dev.blindfold.audit;

import dev.blindfold.observability.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Verification runs of the log in the database ({@code blindfold_verify_runs_total{result=ok|broken}},
 * {@code blindfold_verify_seconds{result}}) and audit bundles written in full ({@code blindfold_bundles_total}).
 */
@ApplicationScoped
@Startup // register the meters at boot, so every series is scraped from 0 on
public class AuditMeters {

    private final AfterCommit afterCommit;
    private final Counter verifiedOk;
    private final Counter verifiedBroken;
    private final Timer verifyOk;
    private final Timer verifyBroken;
    private final Counter bundles;

    AuditMeters(MeterRegistry registry, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        this.verifiedOk = runs(registry, "ok");
        this.verifiedBroken = runs(registry, "broken");
        this.verifyOk = time(registry, "ok");
        this.verifyBroken = time(registry, "broken");
        this.bundles = Counter.builder("blindfold.bundles")
                .description("Audit bundles written in full").register(registry);
    }

    private static Counter runs(MeterRegistry registry, String result) {
        return Counter.builder("blindfold.verify.runs").tag("result", result)
                .description("Verifications of a project's log in the database, by result").register(registry);
    }

    private static Timer time(MeterRegistry registry, String result) {
        return Timer.builder("blindfold.verify").tag("result", result)
                .description("Time to verify a project's log in the database").register(registry);
    }

    /** A finished verification; {@code startedNanos} is {@link System#nanoTime()} when it began. */
    public void verified(boolean ok, long startedNanos) {
        afterCommit.run(() -> {
            (ok ? verifiedOk : verifiedBroken).increment();
            (ok ? verifyOk : verifyBroken).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        });
    }

    public void bundleWritten() {
        bundles.increment();
    }
}
