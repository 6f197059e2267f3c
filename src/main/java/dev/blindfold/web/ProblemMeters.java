package dev.blindfold.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code blindfold_problems_total{type, status}}: problem responses (problem+json or the HTML error page) by
 * problem slug. Slugs are constants in the code and statuses HTTP codes, so the series stay few; nothing the
 * caller sent ever becomes a tag.
 */
@ApplicationScoped
class ProblemMeters {

    private final MeterRegistry registry;

    ProblemMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void rendered(Problem problem) {
        Counter.builder("blindfold.problems")
                .tag("type", problem.slug())
                .tag("status", Integer.toString(problem.status()))
                .description("Problem responses, by problem type slug and HTTP status")
                .register(registry)
                .increment();
    }
}
