/**
 * Users, roles and sign-in: the security-jpa user entity, bcrypt passwords, the first admin,
 * and {@link dev.blindfold.identity.CurrentUser} for the rest of the app. Calls nothing else.
 */
package dev.blindfold.identity;
