/**
 * How far annotators agree, and the gold their answers give: Krippendorff's alpha on blind and on final
 * answers, read from the counts the read models keep; gold per item by majority or by Dawid and Skene, read an item at a
 * time. The statistics are plain Java ({@link dev.blindfold.agreement.Krippendorff},
 * {@link dev.blindfold.agreement.Majority}, {@link dev.blindfold.agreement.DawidSkene},
 * {@link dev.blindfold.agreement.GoldRows}); nothing here is quadratic in distinct answers.
 *
 * <p><b>May import:</b> {@code facts}, {@code identity}, {@code labeling}, {@code project}, {@code web}.
 */
package dev.blindfold.agreement;
