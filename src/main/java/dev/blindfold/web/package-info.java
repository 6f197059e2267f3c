/**
 * Shared web plumbing: configuration, problem+json and error pages, the layout, login and home pages, and the
 * headers every response carries (Content-Security-Policy, framing, caching, HSTS, Secure cookies).
 * May call identity; feature packages call into it for errors only (identity may ask {@link CookieSecurity}
 * whether a cookie must be Secure).
 */
package dev.blindfold.web;
