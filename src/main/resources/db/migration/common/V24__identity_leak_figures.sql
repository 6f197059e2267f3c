-- The anchoring report's quality section (issue 15) says what became of a project's flagged drafts and how many labels
-- were written after a reveal that showed one. Kept beside the flagged-draft count, in the same transactions that
-- change them (a redact, a drop, a first reveal), so the report reads one row instead of counting events or labels.
-- Any of the four may make a project's row, so each starts at 0.
ALTER TABLE identity_leak_counts ALTER COLUMN drafts SET DEFAULT 0;
ALTER TABLE identity_leak_counts ADD COLUMN redacted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE identity_leak_counts ADD COLUMN dropped BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE identity_leak_counts ADD COLUMN labels_shown BIGINT DEFAULT 0 NOT NULL;

-- A project's row exists from its first flagged draft, so every project with something to count has one. Counted once
-- here, over the rows V20 made since it shipped.
UPDATE identity_leak_counts SET
    redacted = (SELECT COUNT(*) FROM events e
                WHERE e.project_id = identity_leak_counts.project_id AND e.type = 'DRAFT_REDACTED'),
    dropped = (SELECT COUNT(*) FROM events e
               WHERE e.project_id = identity_leak_counts.project_id AND e.type = 'DRAFT_DROPPED'),
    labels_shown = (SELECT COUNT(*) FROM assignments a
                    WHERE a.project_id = identity_leak_counts.project_id AND a.draft_order IS NOT NULL
                      AND EXISTS (SELECT 1 FROM drafts d WHERE d.item_id = a.item_id AND d.identity_leak IS NOT NULL));
