package dev.blindfold.labeling;

import dev.blindfold.observability.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The blind loop's meters ({@code blindfold_commits_total}, {@code blindfold_commit_seconds}, {@code blindfold_reveals_total},
 * {@code blindfold_finals_total}, {@code blindfold_skips_total}). Each moves only when its transaction commits, and
 * only for a new record: an idempotent repeat or a refused request counts nothing.
 */
@ApplicationScoped
@Startup // register the meters at boot, so every series is scraped from 0 on
class LabelingMeters {

    private final AfterCommit afterCommit;
    private final Counter commits;
    private final Timer commitTime;
    private final Counter firstReveals;
    private final Counter repeatReveals;
    private final Map<Decision, Counter> finals = new EnumMap<>(Decision.class);
    private final Counter skips;

    LabelingMeters(MeterRegistry registry, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        this.commits = Counter.builder("blindfold.commits")
                .description("Blind answers committed (first commits only, not idempotent repeats)").register(registry);
        this.commitTime = Timer.builder("blindfold.commit")
                .description("Time to commit a blind answer, up to its durable database commit").register(registry);
        this.firstReveals = reveals(registry, false);
        this.repeatReveals = reveals(registry, true);
        for (Decision d : Decision.values()) {
            finals.put(d, Counter.builder("blindfold.finals").tag("decision", d.name().toLowerCase(Locale.ROOT))
                    .description("Final answers saved after the blind commit, by decision").register(registry));
        }
        this.skips = Counter.builder("blindfold.skips").description("Assignments skipped").register(registry);
    }

    private static Counter reveals(MeterRegistry registry, boolean repeat) {
        return Counter.builder("blindfold.reveals").tag("repeat", Boolean.toString(repeat))
                .description("Drafts revealed after a blind commit (repeat=true: shown again)").register(registry);
    }

    /** A new blind answer; {@code startedNanos} is {@link System#nanoTime()} when the commit began. */
    void committed(long startedNanos) {
        afterCommit.run(() -> {
            commits.increment();
            commitTime.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        });
    }

    void revealed(boolean repeat) {
        afterCommit.run((repeat ? repeatReveals : firstReveals)::increment);
    }

    void finalSaved(Decision decision) {
        afterCommit.run(finals.get(decision)::increment);
    }

    void skipped() {
        afterCommit.run(skips::increment);
    }
}
