/**
 * What label ops take out: label exports in every format (JSON lines, CSV, TRL, OpenAI evals, Label Studio),
 * streamed in constant memory, with their manifests and pseudonyms. Exposure classes come from
 * {@code exposure} and the kept label facts, gold from {@code agreement}.
 *
 * <p><b>May import:</b> {@code agreement}, {@code exposure}, {@code facts}, {@code identity}, {@code observability},
 * {@code project}, {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.export;
