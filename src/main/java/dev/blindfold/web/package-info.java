/**
 * Shared web plumbing: configuration, problem+json and error pages, the layout, login and home pages, the headers
 * every response carries (Content-Security-Policy, framing, caching, HSTS, Secure cookies) and the rules every JSON
 * body meets (well-formed text, {@link dev.blindfold.web.UnicodeText}; whole numbers). May call identity; feature
 * packages call into it for configuration, errors, {@link dev.blindfold.web.UnicodeText},
 * {@link dev.blindfold.web.StreamedBody} (a streamed response cut off when it fails). No code outside decides a
 * cookie's {@code Secure}: {@link dev.blindfold.web.SecurityHeaders} sets it on every cookie by
 * {@link dev.blindfold.web.CookieSecurity}.
 */
package dev.blindfold.web;
