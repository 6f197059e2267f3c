/**
 * Users, roles and sign-in: accounts (lowercase usernames, bcrypt passwords, roles that keep annotators blind,
 * deactivation), the first admin, the sign-in form with server-side sessions in the database, HTTP Basic, personal
 * API tokens (SHA-256 stored, sent as {@code Authorization: Bearer}, with their page), the sign-in throttle, and
 * {@link dev.blindfold.identity.CurrentUser} for the rest of the app, where "staff" (every role but annotator) is
 * decided once ({@link dev.blindfold.identity.Roles#STAFF}).
 *
 * <p><b>May import:</b> {@code web}.
 */
package dev.blindfold.identity;
