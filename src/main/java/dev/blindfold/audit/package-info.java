/**
 * What auditors use: verification of the provenance log (in the database and in an audit bundle, offline),
 * audit bundles, label timelines, per-annotator anchoring statistics, drift, flags, the mirror gap per
 * model family and the anchoring report. Read-only, but for the outcomes of verifications it keeps. Rules are plain
 * Java; may call provenance, export, labeling, project, identity and web.
 */
package dev.blindfold.audit;
