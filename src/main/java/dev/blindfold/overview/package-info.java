/**
 * What label ops watch on a project: the overview page with progress per annotator, items done or partial,
 * exposure counts and agreement, from kept counts only.
 *
 * <p><b>May import:</b> {@code agreement}, {@code exposure}, {@code facts}, {@code identity}, {@code labeling},
 * {@code project}, {@code web}.
 */
package dev.blindfold.overview;
