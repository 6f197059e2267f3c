-- Secrets a deployment makes for itself on its first start when the operator has not set one (today: the key of the
-- export pseudonyms). Kept in the database so every node of one deployment finds the same value, and no two
-- deployments share one: there is no built-in default anyone could look up.
CREATE TABLE deployment_secrets (
    name       VARCHAR(100) PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
