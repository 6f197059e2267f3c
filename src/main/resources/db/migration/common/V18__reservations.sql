-- Reservations that expire, and members who leave (issue 14). An assignment without a blind answer holds one of its
-- item's overlap places only until reserved_until; then it is RELEASED (an event in the annotator's chain) and the place
-- goes back to the pool. The deadline is a row, not a timer, so every node agrees on it: whichever node locks the
-- assignment first after the deadline releases it, and the others find it released. Each project sets how long a
-- reservation lasts (30 minutes unless label ops say otherwise).
ALTER TABLE projects ADD COLUMN reservation_seconds INTEGER DEFAULT 1800 NOT NULL;
ALTER TABLE assignments ADD COLUMN reserved_until TIMESTAMP(6) WITH TIME ZONE;
-- Open assignments at the upgrade get a full reservation from now, not one that ran out while nothing could expire.
UPDATE assignments SET reserved_until = CURRENT_TIMESTAMP + INTERVAL '30' MINUTE WHERE status = 'ASSIGNED';
-- The sweep's walk: open assignments whose deadline has passed, oldest first.
CREATE INDEX assignments_reserved_ix ON assignments (status, reserved_until);

-- A removed member keeps their row (their counts, and their place if label ops add them back) but gets nothing new.
ALTER TABLE project_members ADD COLUMN removed_at TIMESTAMP(6) WITH TIME ZONE;
