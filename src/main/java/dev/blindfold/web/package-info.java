/**
 * Shared web plumbing, below every capability: configuration, problem+json and error pages, the headers every
 * response carries (Content-Security-Policy, framing, caching, HSTS, Secure cookies), the rules every JSON body meets
 * (well-formed text, {@link dev.blindfold.web.UnicodeText}; whole numbers), {@link dev.blindfold.web.StreamedBody}
 * (a streamed response cut off when it fails), the sign-in throttle's refusal as a 429
 * ({@link dev.blindfold.web.SignInRefusals}) and how long a read of a whole project may run
 * ({@link dev.blindfold.web.LongReads}). The shared layout is {@code templates/layout.html}; each page is a resource
 * of its capability (the sign-in page in identity, the home page in labeling). No code outside decides a cookie's
 * {@code Secure}: {@link dev.blindfold.web.SecurityHeaders} sets it on every cookie by
 * {@link dev.blindfold.web.CookieSecurity}.
 *
 * <p><b>May import:</b> nothing in the app.
 */
package dev.blindfold.web;
