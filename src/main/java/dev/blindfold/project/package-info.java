/**
 * Projects, items with their hidden drafts, membership, and item import. Drafts are loaded only
 * through {@link dev.blindfold.project.Draft#forItem}, which labeling calls after a blind commit.
 * May call identity, provenance and web.
 */
package dev.blindfold.project;
