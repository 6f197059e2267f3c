-- Gold items (issue 15): items with a KNOWN answer set by label ops, mixed into every annotator's queue as controls.
-- Not to be confused with the gold labels an export derives by consensus (package agreement): these answers come from
-- ops, not from annotators. The known answer lives here only; nothing that serves an annotator reads this table's
-- answer column (the queue reads item_id and walk_rank, a commit compares its answer here, in the server).
CREATE TABLE gold_items (
    item_id    BIGINT PRIMARY KEY REFERENCES items (id),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    answer     VARCHAR(1000000) NOT NULL,
    -- Where the item sits in the random order gold slots walk from a random point (gold_items_walk_ix).
    walk_rank  DOUBLE PRECISION DEFAULT RANDOM() NOT NULL,
    set_by     BIGINT,
    set_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX gold_items_walk_ix ON gold_items (project_id, walk_rank);

-- Per project: how often a queue position is a gold slot, and the optional qualification (the first N positions are
-- gold; an annotator whose blind accuracy on them is below the bar gets no real items). 0 items = no qualification.
ALTER TABLE projects ADD COLUMN gold_rate DOUBLE PRECISION DEFAULT 0.1 NOT NULL;
ALTER TABLE projects ADD COLUMN qualification_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE projects ADD COLUMN qualification_accuracy DOUBLE PRECISION DEFAULT 0.8 NOT NULL;

-- Per member, kept counts of their answers on gold items (updated by each blind commit and final save on one), so the
-- accuracy read is one row per annotator; and the qualification's outcome (NULL while undecided or off).
ALTER TABLE project_members ADD COLUMN gold_blind INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE project_members ADD COLUMN gold_blind_right INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE project_members ADD COLUMN gold_final INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE project_members ADD COLUMN gold_final_right INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE project_members ADD COLUMN qualified BOOLEAN;
-- And how many gold items they have been handed (skipped ones too): with the project's count below, a gold slot knows
-- without walking that none is left for them.
ALTER TABLE project_members ADD COLUMN gold_had INTEGER DEFAULT 0 NOT NULL;

-- Per project, its gold items: kept by import, mark and unmark, so no view counts them.
ALTER TABLE queue_counts ADD COLUMN gold_items BIGINT DEFAULT 0 NOT NULL;
