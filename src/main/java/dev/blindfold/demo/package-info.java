/**
 * The demo: users for each role and two small projects, loaded on start when
 * {@code blindfold.demo.enabled} is set and the database has no projects. Calls identity and project.
 */
package dev.blindfold.demo;
