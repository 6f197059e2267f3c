-- A project is ACTIVE (hands out items), PAUSED (hands out no new item; open ones can be finished; can resume) or
-- CLOSED (hands out no new item, for good). Label ops change it from the overview or PATCH /api/projects/{id}.
ALTER TABLE projects ADD COLUMN status VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
