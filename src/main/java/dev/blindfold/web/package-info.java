/**
 * Shared web plumbing: configuration, problem+json and error pages, the layout, login and home pages, and the rules
 * every JSON body meets (well-formed text, {@link dev.blindfold.web.UnicodeText}; whole numbers). May call identity;
 * feature packages call into it for configuration, errors, {@link dev.blindfold.web.UnicodeText} and
 * {@link dev.blindfold.web.StreamedBody} (a streamed response cut off when it fails).
 */
package dev.blindfold.web;
