/**
 * Adjudication (issue 15): an item whose blind answers disagree (the share agreeing with the most common one below the
 * project's {@code adjudicationBelow}) enters a review queue when its last blind answer commits
 * ({@link dev.blindfold.review.ReviewIntake}); a reviewer takes it ({@link dev.blindfold.review.ReviewQueue}), sees the
 * input and the blind answers, anonymous and in a random order, commits the adjudicated answer, and only then sees the
 * drafts and keeps or revises it ({@link dev.blindfold.review.ReviewService}). Each step is an event in the reviewer's
 * chain; the adjudication's exposure class is computed from those events ({@link dev.blindfold.review.AdjudicationExposure}).
 *
 * <p><b>May import:</b> {@code exposure}, {@code identity}, {@code labeling}, {@code project}, {@code provenance},
 * {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.review;
