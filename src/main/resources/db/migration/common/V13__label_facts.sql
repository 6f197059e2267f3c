-- Read models (issue 12): what the overview, the audit page, the report, drift, flags and the annotator table show is
-- kept in the transactions that write the events changing it, so a view reads sums per annotator and week instead of
-- classifying every label from the log. The log stays the truth: dev.blindfold.facts.FactRebuild recomputes all of
-- this from the events, a start with changed rules or thresholds (read_model_state) rebuilds it, and /audit/verify
-- says whether the kept tables equal a rebuild.

-- One row per label (an assignment with a blind commit): its exposure class and what the views add up.
-- *_e9: similarities in [0, 1] times 10^9, rounded, so sums are exact integers and a rebuild equals the kept sums.
CREATE TABLE label_facts (
    assignment_id    BIGINT PRIMARY KEY REFERENCES assignments (id),
    project_id       BIGINT       NOT NULL,
    annotator_id     BIGINT       NOT NULL,
    item_id          BIGINT       NOT NULL,
    week             DATE         NOT NULL,
    committed_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    exposure         VARCHAR(32)  NOT NULL,
    revealed         BOOLEAN      NOT NULL,
    has_final        BOOLEAN      NOT NULL,
    closest_final_e9 BIGINT,
    closest_blind_e9 BIGINT,
    blind_chars      INTEGER      NOT NULL,
    pasted_chars     INTEGER      NOT NULL,
    paste_dominant   BOOLEAN      NOT NULL,
    focus_losses     INTEGER      NOT NULL,
    blind_ms         BIGINT,
    flags            INTEGER      NOT NULL,
    flagged          BOOLEAN      NOT NULL,
    seen_detail      VARCHAR(4000),
    blind_key        BIGINT       NOT NULL,
    final_key        BIGINT,
    final_is_draft   BOOLEAN      NOT NULL
);
CREATE INDEX label_facts_exposure_ix ON label_facts (project_id, exposure, assignment_id);
CREATE INDEX label_facts_blind_ms_ix ON label_facts (project_id, annotator_id, blind_ms);
CREATE INDEX label_facts_flags_ix ON label_facts (project_id, flagged, annotator_id, committed_at, assignment_id);

-- Sums of label_facts per project, annotator and ISO week (Monday, UTC) of commit time.
CREATE TABLE annotator_week_facts (
    project_id           BIGINT NOT NULL,
    annotator_id         BIGINT NOT NULL,
    week                 DATE   NOT NULL,
    labels               BIGINT NOT NULL,
    revealed             BIGINT NOT NULL,
    finals               BIGINT NOT NULL,
    revealed_finals      BIGINT NOT NULL,
    revised              BIGINT NOT NULL,
    accepted             BIGINT NOT NULL,
    closest              BIGINT NOT NULL,
    closest_final_e9     BIGINT NOT NULL,
    closest_blind_e9     BIGINT NOT NULL,
    pasted_chars         BIGINT NOT NULL,
    blind_chars          BIGINT NOT NULL,
    paste_dominant       BIGINT NOT NULL,
    focus_losses         BIGINT NOT NULL,
    timed                BIGINT NOT NULL,
    blind_only           BIGINT NOT NULL,
    blind_kept           BIGINT NOT NULL,
    awaiting_final       BIGINT NOT NULL,
    seen_before_commit   BIGINT NOT NULL,
    revised_after_reveal BIGINT NOT NULL,
    draft_accepted       BIGINT NOT NULL,
    flag_paste_dominant  BIGINT NOT NULL,
    flag_fast_blind      BIGINT NOT NULL,
    flag_focus_losses    BIGINT NOT NULL,
    flag_offscreen       BIGINT NOT NULL,
    flag_seen            BIGINT NOT NULL,
    final_is_draft       BIGINT NOT NULL,
    PRIMARY KEY (project_id, annotator_id, week)
);

-- Krippendorff's nominal alpha per week of blind (kind 'blind') and final ('final') answers, units = items, kept as
-- the exact integers the formula needs (dev.blindfold.export.Krippendorff): each unit's answers by key, the pairable
-- answers per key, per unit size the units and their ordered pairs of equal answers, and per week the answers, the
-- units, the pairable answers and the chance pairs (sum over keys of n(n-1)). Kinds 'project-blind' (blind answers of
-- labels not seen_before_commit) and 'project-final' hold the whole project's agreement, under week 1970-01-05 (a
-- Monday no label is committed in). answer_key: the first 64 bits of SHA-256 of the exact answer.
CREATE TABLE answer_unit_values (
    project_id BIGINT     NOT NULL,
    week       DATE       NOT NULL,
    kind       VARCHAR(13) NOT NULL,
    item_id    BIGINT     NOT NULL,
    answer_key BIGINT     NOT NULL,
    n          INTEGER    NOT NULL,
    PRIMARY KEY (project_id, week, kind, item_id, answer_key)
);
CREATE TABLE answer_values (
    project_id BIGINT     NOT NULL,
    week       DATE       NOT NULL,
    kind       VARCHAR(13) NOT NULL,
    answer_key BIGINT     NOT NULL,
    pairable   BIGINT     NOT NULL,
    PRIMARY KEY (project_id, week, kind, answer_key)
);
CREATE TABLE answer_unit_sizes (
    project_id  BIGINT     NOT NULL,
    week        DATE       NOT NULL,
    kind        VARCHAR(13) NOT NULL,
    m           INTEGER    NOT NULL,
    units       BIGINT     NOT NULL,
    equal_pairs BIGINT     NOT NULL,
    PRIMARY KEY (project_id, week, kind, m)
);
CREATE TABLE answer_weeks (
    project_id   BIGINT     NOT NULL,
    week         DATE       NOT NULL,
    kind         VARCHAR(13) NOT NULL,
    answers      BIGINT      NOT NULL,
    units        BIGINT      NOT NULL,
    pairable     BIGINT      NOT NULL,
    chance_pairs BIGINT      NOT NULL,
    PRIMARY KEY (project_id, week, kind)
);

-- Every draft of every first reveal, per annotator (all projects), by content: what a later blind commit of the same
-- input or draft text was judged against (seen_before_commit). input_key/text_key: dev.blindfold.exposure.ContentHash#key.
CREATE TABLE shown_content (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    annotator_id  BIGINT       NOT NULL,
    assignment_id BIGINT       NOT NULL,
    shown_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    family        VARCHAR(200) NOT NULL,
    input_key     BIGINT,
    text_key      BIGINT       NOT NULL
);
CREATE INDEX shown_content_input_ix ON shown_content (annotator_id, input_key);
CREATE INDEX shown_content_text_ix ON shown_content (annotator_id, text_key);
CREATE INDEX shown_content_assignment_ix ON shown_content (assignment_id);

-- Which rules and thresholds the kept tables were built with; a start that finds others (or none: an upgrade)
-- rebuilds them.
CREATE TABLE read_model_state (
    name        VARCHAR(40)  PRIMARY KEY,
    fingerprint VARCHAR(400) NOT NULL,
    built_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Per unit (an item's answers of one kind committed in one week): how many, and the sum of the squares of the counts
-- per answer. A change to a unit first locks this row, so two annotators answering one item take turns.
CREATE TABLE answer_units (
    project_id BIGINT     NOT NULL,
    week       DATE       NOT NULL,
    kind       VARCHAR(13) NOT NULL,
    item_id    BIGINT     NOT NULL,
    m          INTEGER    NOT NULL,
    squares    BIGINT     NOT NULL,
    PRIMARY KEY (project_id, week, kind, item_id)
);

-- What the ops overview counts without reading a row per item or assignment: labels (blind commits) per item, items
-- with a label and items with as many labels as the overlap per project, skips per member, and the model families
-- whose drafts a project has (recorded by the import).
ALTER TABLE items ADD COLUMN labels INTEGER DEFAULT 0 NOT NULL;
UPDATE items SET labels = (SELECT COUNT(*) FROM assignments a WHERE a.item_id = items.id
    AND a.status IN ('COMMITTED', 'FINAL'));
ALTER TABLE queue_counts ADD COLUMN labeled_items BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE queue_counts ADD COLUMN done_items BIGINT DEFAULT 0 NOT NULL;
UPDATE queue_counts SET labeled_items = (SELECT COUNT(*) FROM items i WHERE i.project_id = queue_counts.project_id
    AND i.labels > 0);
UPDATE queue_counts SET done_items = (SELECT COUNT(*) FROM items i JOIN projects p ON p.id = i.project_id
    WHERE i.project_id = queue_counts.project_id AND i.labels >= p.overlap);
ALTER TABLE project_members ADD COLUMN skipped INTEGER DEFAULT 0 NOT NULL;
UPDATE project_members SET skipped = (SELECT COUNT(*) FROM assignments a WHERE a.project_id = project_members.project_id
    AND a.annotator_id = project_members.user_id AND a.status = 'SKIPPED');
CREATE TABLE project_families (
    project_id BIGINT       NOT NULL REFERENCES projects (id),
    family     VARCHAR(200) NOT NULL,
    PRIMARY KEY (project_id, family)
);
INSERT INTO project_families (project_id, family)
SELECT DISTINCT i.project_id, d.family FROM drafts d JOIN items i ON i.id = d.item_id;
