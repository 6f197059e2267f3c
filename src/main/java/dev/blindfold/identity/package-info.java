/**
 * Users, roles and sign-in: the security-jpa user entity, bcrypt passwords, the first admin,
 * personal API tokens (SHA-256 stored, sent as {@code Authorization: Bearer}, with their page),
 * and {@link dev.blindfold.identity.CurrentUser} for the rest of the app. Calls only web (settings and errors).
 */
package dev.blindfold.identity;
