package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.observability.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code blindfold_events_total{source, type}}: events appended to the provenance log once their transaction
 * commits; {@code source=client} are the page's reported events, {@code source=server} the server's own.
 */
@ApplicationScoped
@Startup // register the meters at boot, so every series is scraped from 0 on
class EventMeters {

    private final AfterCommit afterCommit;
    private final Map<EventType, Counter> appended = new EnumMap<>(EventType.class);

    EventMeters(MeterRegistry registry, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        for (EventType type : EventType.values()) {
            appended.put(type, Counter.builder("blindfold.events")
                    .tag("source", type.clientReported() ? "client" : "server").tag("type", type.name())
                    .description("Events appended to the provenance log, by source and type").register(registry));
        }
    }

    /** One deferred update for the whole batch, not one transaction synchronization per event. */
    void appended(List<Event> events) {
        afterCommit.run(() -> events.forEach(e -> appended.get(e.type()).increment()));
    }
}
