-- Personal API tokens for scripts (sent as "Authorization: Bearer bf_..."). Only the SHA-256 of each
-- secret is stored (hex, 64 chars); the prefix is the secret's harmless start, shown to tell tokens apart.
-- A token is revoked by setting revoked_at; rows are kept so the owner's list shows what existed.
CREATE SEQUENCE api_tokens_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE api_tokens (
    id           BIGINT       PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id),
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP(6) WITH TIME ZONE,
    revoked_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT api_tokens_hash_uq UNIQUE (token_hash)
);
CREATE INDEX api_tokens_user_ix ON api_tokens (user_id, id);
