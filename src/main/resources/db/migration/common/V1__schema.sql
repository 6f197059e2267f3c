-- Blindfold schema. Runs unchanged on H2 and PostgreSQL; vendor-only parts live in h2/ and postgresql/.
-- Ids come from sequences (increment 50, as Hibernate allocates); long text is varchar(1000000).

CREATE SEQUENCE users_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE users (
    id            BIGINT       PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT users_username_uq UNIQUE (username)
);

CREATE SEQUENCE projects_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE projects (
    id            BIGINT        PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    task_type     VARCHAR(20)   NOT NULL,
    labels        VARCHAR(10000),
    overlap       INTEGER       NOT NULL,
    reveal_policy VARCHAR(30)   NOT NULL,
    guidelines    VARCHAR(100000) NOT NULL,
    created_by    BIGINT        NOT NULL REFERENCES users (id),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE items_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE items (
    id          BIGINT         PRIMARY KEY,
    project_id  BIGINT         NOT NULL REFERENCES projects (id),
    external_id VARCHAR(200)   NOT NULL,
    input       VARCHAR(1000000) NOT NULL,
    metadata    VARCHAR(1000000),
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT items_external_id_uq UNIQUE (project_id, external_id)
);

CREATE SEQUENCE drafts_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE drafts (
    id      BIGINT         PRIMARY KEY,
    item_id BIGINT         NOT NULL REFERENCES items (id),
    model   VARCHAR(200)   NOT NULL,
    family  VARCHAR(200)   NOT NULL,
    version VARCHAR(200)   NOT NULL,
    text    VARCHAR(1000000) NOT NULL
);
CREATE INDEX drafts_item_ix ON drafts (item_id);

CREATE SEQUENCE project_members_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE project_members (
    id         BIGINT  PRIMARY KEY,
    project_id BIGINT  NOT NULL REFERENCES projects (id),
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    order_seed INTEGER NOT NULL,
    joined_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT members_uq UNIQUE (project_id, user_id)
);

CREATE SEQUENCE assignments_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE assignments (
    id           BIGINT       PRIMARY KEY,
    project_id   BIGINT       NOT NULL REFERENCES projects (id),
    item_id      BIGINT       NOT NULL REFERENCES items (id),
    annotator_id BIGINT       NOT NULL REFERENCES users (id),
    position     INTEGER      NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    draft_order  VARCHAR(2000),
    skip_reason  VARCHAR(2000),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT assignments_item_uq UNIQUE (annotator_id, item_id),
    CONSTRAINT assignments_position_uq UNIQUE (project_id, annotator_id, position)
);
CREATE INDEX assignments_item_ix ON assignments (item_id, status);

-- One row per assignment, written once at the blind commit and never updated (B2).
CREATE TABLE blind_answers (
    assignment_id BIGINT         PRIMARY KEY REFERENCES assignments (id),
    answer        VARCHAR(1000000) NOT NULL,
    committed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE final_answers (
    assignment_id BIGINT         PRIMARY KEY REFERENCES assignments (id),
    decision      VARCHAR(20)    NOT NULL,
    answer        VARCHAR(1000000) NOT NULL,
    accepted_slot VARCHAR(4),
    ratings       VARCHAR(2000),
    saved_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The provenance log: append-only; one hash chain per (project, actor).
CREATE SEQUENCE events_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE events (
    id             BIGINT        PRIMARY KEY,
    project_id     BIGINT        NOT NULL REFERENCES projects (id),
    actor_id       BIGINT        NOT NULL REFERENCES users (id),
    assignment_id  BIGINT        REFERENCES assignments (id),
    seq            BIGINT        NOT NULL,
    type           VARCHAR(40)   NOT NULL,
    server_time    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    client_time    TIMESTAMP(6) WITH TIME ZONE,
    client_claimed BOOLEAN       NOT NULL,
    payload        VARCHAR(100000) NOT NULL,
    prev_hash      VARCHAR(64)   NOT NULL,
    hash           VARCHAR(64)   NOT NULL,
    CONSTRAINT events_chain_uq UNIQUE (project_id, actor_id, seq)
);
CREATE INDEX events_assignment_ix ON events (assignment_id, id);

-- The head of each chain; its row lock orders concurrent appends to one chain.
CREATE TABLE chain_heads (
    project_id BIGINT      NOT NULL REFERENCES projects (id),
    actor_id   BIGINT      NOT NULL REFERENCES users (id),
    seq        BIGINT      NOT NULL,
    hash       VARCHAR(64) NOT NULL,
    PRIMARY KEY (project_id, actor_id)
);
