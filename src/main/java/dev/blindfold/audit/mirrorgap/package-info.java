/**
 * The mirror gap per model family: how much better a family's drafts match gold from final answers
 * (written after the drafts were shown) than gold from blind answers. Kept per item and family in the transactions that
 * change an item's answers ({@link dev.blindfold.audit.mirrorgap.MirrorGapFacts}), counted again from the answers for a
 * rebuild or a check ({@link dev.blindfold.audit.mirrorgap.MirrorGapRecount}).
 *
 * <p><b>May import:</b> {@code agreement}, {@code audit}, {@code exposure}, {@code facts}, {@code identity},
 * {@code labeling}, {@code project}, {@code web}.
 */
package dev.blindfold.audit.mirrorgap;
