/**
 * Shared web plumbing: configuration, problem+json and error pages, the layout, login and home pages.
 * May call identity; feature packages call into it for errors only.
 */
package dev.blindfold.web;
