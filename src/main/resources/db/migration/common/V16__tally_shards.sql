-- The project-wide tally rows every commit adds to (alpha's unit sizes and week totals, the mirror gap's family sums)
-- split into shards by item (dev.blindfold.facts.Sums#shard: item id mod 16), so commits on different items of a
-- project add to different rows instead of waiting for each other's transactions to end; readers sum the shards.
-- These tables are read models: they are dropped and made again here, and the next start rebuilds every read model
-- from the log (read_model_state cleared). A rebuild writes shard 0 with the whole sums.
DROP TABLE answer_unit_sizes;
CREATE TABLE answer_unit_sizes (
    project_id  BIGINT      NOT NULL,
    week        DATE        NOT NULL,
    kind        VARCHAR(13) NOT NULL,
    m           INTEGER     NOT NULL,
    shard       SMALLINT    DEFAULT 0 NOT NULL,
    units       BIGINT      NOT NULL,
    equal_pairs BIGINT      NOT NULL,
    PRIMARY KEY (project_id, week, kind, m, shard)
);
DROP TABLE answer_weeks;
CREATE TABLE answer_weeks (
    project_id   BIGINT      NOT NULL,
    week         DATE        NOT NULL,
    kind         VARCHAR(13) NOT NULL,
    shard        SMALLINT    DEFAULT 0 NOT NULL,
    answers      BIGINT      NOT NULL,
    units        BIGINT      NOT NULL,
    pairable     BIGINT      NOT NULL,
    chance_pairs BIGINT      NOT NULL,
    PRIMARY KEY (project_id, week, kind, shard)
);
DROP TABLE mirror_gap_families;
CREATE TABLE mirror_gap_families (
    project_id    BIGINT         NOT NULL,
    family        VARCHAR(200)   NOT NULL,
    shard         SMALLINT       DEFAULT 0 NOT NULL,
    items         BIGINT         NOT NULL,
    drafts        BIGINT         NOT NULL,
    blind_e9      NUMERIC(38, 0) NOT NULL,
    final_e9      NUMERIC(38, 0) NOT NULL,
    diff_squares  NUMERIC(38, 0) NOT NULL,
    diff_drafts   NUMERIC(38, 0) NOT NULL,
    draft_squares NUMERIC(38, 0) NOT NULL,
    PRIMARY KEY (project_id, family, shard)
);
DELETE FROM read_model_state WHERE name IN ('label_facts', 'mirror_gap');
