-- Adjudication (issue 15): an item whose blind answers disagree goes to a reviewer. A project turns it on with
-- adjudication_below, a share in (0, 1]: when the item's last blind answer (overlap reached) commits and the share of
-- its blind answers equal to the most common one is below it, the item enters the review queue in that transaction.
-- 0 is off (no share is below 0).
ALTER TABLE projects ADD COLUMN adjudication_below DOUBLE PRECISION DEFAULT 0 NOT NULL;

-- One row per item sent to review, kept by the blind commit that sent it and by the reviewer's steps, never found by
-- scanning. status: WAITING (in the queue; reviewer_id holds it until available_at when set), COMMITTED (the reviewer's
-- adjudication is in, written before any draft was shown to them), FINAL (kept, revised or accepted after the reveal).
-- available_at is when a WAITING row can be taken: the time it was sent, then the end of a reviewer's reservation.
-- answer_order: the blind answers' assignment ids in the random order the reviewer was shown them (also logged);
-- draft_order: the drafts' ids in slot order, fixed at the reveal; shown_seq: the reviewer's REVIEW_SHOWN event, from
-- where the adjudication's events are read back to classify its exposure.
CREATE TABLE adjudications (
    item_id      BIGINT           PRIMARY KEY REFERENCES items (id),
    project_id   BIGINT           NOT NULL REFERENCES projects (id),
    status       VARCHAR(20)      NOT NULL,
    agreement    DOUBLE PRECISION NOT NULL,
    answers      INTEGER          NOT NULL,
    sent_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    available_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reviewer_id  BIGINT           REFERENCES users (id),
    answer_order VARCHAR(10000),
    draft_order  VARCHAR(10000),
    shown_seq    BIGINT,
    answer       VARCHAR(1000000),
    exposure     VARCHAR(30),
    committed_at TIMESTAMP(6) WITH TIME ZONE,
    finished_at  TIMESTAMP(6) WITH TIME ZONE
);
-- The queue: a project's WAITING rows whose time has come, oldest first.
CREATE INDEX adjudications_queue_ix ON adjudications (project_id, status, available_at);
-- A reviewer's own unfinished adjudication in a project: COMMITTED, or WAITING and held till a time to come (rows the
-- reviewer held and let run out stay WAITING under their id until someone takes them; available_at keeps those out).
CREATE INDEX adjudications_reviewer_ix ON adjudications (reviewer_id, project_id, status, available_at);

-- Per project: items sent to review and items adjudicated (committed), for the report's rates and the queue pages.
CREATE TABLE adjudication_counts (
    project_id  BIGINT PRIMARY KEY REFERENCES projects (id),
    sent        BIGINT NOT NULL,
    adjudicated BIGINT NOT NULL
);
