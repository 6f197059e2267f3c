/**
 * Projects with their guidelines versions ({@link dev.blindfold.project.GuidelinesVersions}), items with their hidden
 * drafts, membership, and item import (NDJSON, CSV, Label Studio;
 * streamed into one transaction), with the labels imported from other tools
 * ({@link dev.blindfold.project.ImportedLabel}, read by export). Drafts are loaded only through
 * {@link dev.blindfold.project.Draft#forItem}, which labeling calls after a blind commit.
 *
 * <p><b>May import:</b> {@code identity}, {@code web}.
 */
package dev.blindfold.project;
