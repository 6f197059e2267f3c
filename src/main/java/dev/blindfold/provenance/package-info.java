/**
 * The append-only provenance log: {@link dev.blindfold.provenance.EventLog}, which can only append inside the
 * caller's transaction and read, each project's chains and their heads, and the database's guard against changing
 * an event. The chain's rules are plain Java in {@code provenance.chain}.
 *
 * <p><b>May import:</b> {@code observability}, {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.provenance;
