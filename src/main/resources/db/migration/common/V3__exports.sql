-- One row per export: what was asked for, and, once streamed, what was sent (row counts, SHA-256).
CREATE TABLE exports (
    id           VARCHAR(36)  PRIMARY KEY,
    project_id   BIGINT       NOT NULL REFERENCES projects (id),
    format       VARCHAR(20)  NOT NULL,
    filters      VARCHAR(4000) NOT NULL,
    created_by   BIGINT       NOT NULL REFERENCES users (id),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP(6) WITH TIME ZONE,
    row_count    BIGINT,
    class_counts VARCHAR(2000),
    sha256       VARCHAR(64)
);
CREATE INDEX exports_project_ix ON exports (project_id, created_at);
