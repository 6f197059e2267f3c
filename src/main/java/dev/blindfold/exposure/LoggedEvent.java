package dev.blindfold.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.provenance.chain.EventType;
import java.time.Instant;

/** One event as the exposure rules read it: the log's fields with the payload parsed. */
public record LoggedEvent(Long assignmentId, EventType type, Instant serverTime, Instant clientTime, JsonNode payload) {
}
