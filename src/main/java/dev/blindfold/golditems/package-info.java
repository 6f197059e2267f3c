/**
 * Gold items (issue 15): items whose answer label ops KNOW, mixed into every annotator's queue as controls
 * ({@code labeling.GoldMix}), and each annotator's accuracy on them, blind and final ({@link
 * dev.blindfold.golditems.GoldAccuracy}). Not the consensus "gold" of package {@code agreement}, which annotators'
 * answers decide. The known answers are stored by {@code project.KnownAnswers}; this package is staff-only: label ops
 * mark and unmark gold items (events in their chain), ops and auditors read accuracy. Nothing here is reachable by an annotator.
 *
 * <p><b>May import:</b> {@code identity}, {@code project}, {@code provenance}, {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.golditems;
