-- An export that failed part-way must not look finished: each export now says whether it is streaming, complete or
-- failed, and a failed one says when and why (a reason in words). Rows, completion time and SHA-256 stay for complete
-- exports only. Exports recorded before this have no status of their own: those with a completion time are complete;
-- the others stay 'streaming', which the manifest reports as failed once they are older than the export time limit.
ALTER TABLE exports ADD COLUMN status VARCHAR(16) DEFAULT 'streaming' NOT NULL;
ALTER TABLE exports ADD COLUMN failed_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE exports ADD COLUMN failure VARCHAR(1000);
UPDATE exports SET status = 'complete' WHERE completed_at IS NOT NULL;
