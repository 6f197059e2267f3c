/**
 * Drafts that give their model away (issue 15): the import flags a draft whose text names a model, family or vendor
 * ({@code project.IdentityTerms}); here label ops list a project's flagged drafts a page at a time and redact or drop
 * them before anyone labels the item ({@link dev.blindfold.leaks.DraftFixes}), each change an event in their own chain.
 * Staff only: an annotator never reaches a draft's text here.
 *
 * <p><b>May import:</b> {@code exposure}, {@code identity}, {@code project}, {@code provenance},
 * {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.leaks;
