/**
 * The demo: users for each role and two small projects, loaded on start when
 * {@code blindfold.demo.enabled} is set and the database has no projects.
 *
 * <p><b>May import:</b> {@code identity}, {@code project}, {@code web}.
 */
package dev.blindfold.demo;
