-- The mirror gap as a read model (issue 12): the report read every draft and built the project's blind and final gold
-- per request (O(labels)). Kept now in the transaction that changes an item's blind or final answers
-- (dev.blindfold.audit.MirrorGapFacts); rebuilt from the answers by dev.blindfold.audit.MirrorGapRecount, which
-- /audit/verify?readModels=true also compares with what is kept. A start finds no 'mirror_gap' row in read_model_state
-- after this migration and rebuilds every project's.

-- Items with at least one draft of the family, counted by the import: the scored items plus the skipped ones.
ALTER TABLE project_families ADD COLUMN items BIGINT DEFAULT 0 NOT NULL;
UPDATE project_families SET items = (SELECT COUNT(DISTINCT d.item_id) FROM drafts d JOIN items i ON i.id = d.item_id
    WHERE i.project_id = project_families.project_id AND d.family = project_families.family);

-- One row per item with answers and drafts of the family: how many drafts, and their scores summed against the item's
-- gold from blind answers and from final answers, times 10^9 and rounded per draft (exact integer sums); null: that
-- gold does not exist (no answers, or a tied categorical vote). scored: both exist.
CREATE TABLE mirror_gap_items (
    project_id BIGINT       NOT NULL,
    family     VARCHAR(200) NOT NULL,
    item_id    BIGINT       NOT NULL,
    drafts     INTEGER      NOT NULL,
    blind_e9   BIGINT,
    final_e9   BIGINT,
    scored     BOOLEAN      NOT NULL,
    PRIMARY KEY (project_id, family, item_id)
);
CREATE INDEX mirror_gap_items_scored_ix ON mirror_gap_items (project_id, family, scored, item_id);

-- Sums over a family's scored items (x: drafts, b/f: blind_e9/final_e9, d = f - b): what the gap and, for families
-- too large to bootstrap, its normal interval need. NUMERIC: d^2 outgrows 64 bits.
CREATE TABLE mirror_gap_families (
    project_id   BIGINT          NOT NULL,
    family       VARCHAR(200)    NOT NULL,
    items        BIGINT          NOT NULL,
    drafts       BIGINT          NOT NULL,
    blind_e9     NUMERIC(38, 0)  NOT NULL,
    final_e9     NUMERIC(38, 0)  NOT NULL,
    diff_squares NUMERIC(38, 0)  NOT NULL,
    diff_drafts  NUMERIC(38, 0)  NOT NULL,
    draft_squares NUMERIC(38, 0) NOT NULL,
    PRIMARY KEY (project_id, family)
);
