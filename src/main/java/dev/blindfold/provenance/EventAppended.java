package dev.blindfold.provenance;

/**
 * An event just appended, announced to synchronous observers in the appending transaction (the read models keep
 * their facts with it), after the whole list the caller appended is in the log.
 */
public record EventAppended(Event event) {
}
