-- Sign-in, sessions and accounts (issue 11).

-- Accounts can be deactivated: refused for sessions, HTTP Basic and API tokens; rows stay (events name them).
ALTER TABLE users ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;

-- One name whatever its case: usernames are stored lowercase (the username pattern is ASCII). A database that already
-- holds names differing only in case (ADMIN beside admin) is never merged: within each such group the account already
-- spelled in lowercase (else the oldest) keeps the lowercase name, every other one becomes <lowercase>-<id> with its
-- password, roles and history unchanged. Every rename is kept here and logged once at the next start
-- (dev.blindfold.identity.AccountChecks), so the operator can tell those users their new name.
CREATE TABLE username_changes (
    user_id      BIGINT       NOT NULL REFERENCES users (id),
    old_username VARCHAR(100) NOT NULL,
    new_username VARCHAR(100) NOT NULL,
    changed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reported_at  TIMESTAMP(6) WITH TIME ZONE
);
INSERT INTO username_changes (user_id, old_username, new_username, changed_at)
SELECT id, username,
       CASE WHEN rn = 1 THEN LOWER(username) ELSE LOWER(username) || '-' || CAST(id AS VARCHAR(20)) END,
       CURRENT_TIMESTAMP
FROM (SELECT id, username,
             ROW_NUMBER() OVER (PARTITION BY LOWER(username)
                                ORDER BY CASE WHEN username = LOWER(username) THEN 0 ELSE 1 END, id) AS rn
      FROM users) ranked
WHERE username <> LOWER(username);
UPDATE users SET username = (SELECT c.new_username FROM username_changes c WHERE c.user_id = users.id)
WHERE id IN (SELECT user_id FROM username_changes);
ALTER TABLE users ADD CONSTRAINT users_username_lowercase CHECK (username = LOWER(username));

-- Signed-in browser sessions. The cookie holds a 256-bit random secret; only its SHA-256 is stored (hex), so the
-- table gives nobody a way in and there is no key to share or forge with. A session ends when revoked (sign-out,
-- password or role change, deactivation), after blindfold.sessions.idle-timeout without a request (last_seen_at is
-- written at most once a minute), or at expires_at (blindfold.sessions.max-age after sign-in) whatever happens.
CREATE SEQUENCE sessions_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE sessions (
    id           BIGINT      PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id),
    secret_hash  VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT sessions_secret_uq UNIQUE (secret_hash)
);
CREATE INDEX sessions_user_ix ON sessions (user_id);
CREATE INDEX sessions_expires_ix ON sessions (expires_at);

-- Failed sign-ins (form and HTTP Basic), per account and per client address, shared by every node. Written only on
-- failures (and deleted on an account's correct sign-in); rows not touched for a while are deleted, so it stays small.
CREATE TABLE sign_in_failures (
    throttle_key    VARCHAR(120) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX sign_in_failures_last_ix ON sign_in_failures (last_failure_at);
