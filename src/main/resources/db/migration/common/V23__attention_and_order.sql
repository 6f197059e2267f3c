-- Attention checks and presentation order (issue 15, items 2 and 5).
--
-- Attention: each project sets the least time an annotator should spend deciding an item, on top of reading it
-- (dev.blindfold.project.BlindTime). Null: derived from the length of the guidelines in force. The figures an annotator
-- was held to are kept with their blind answer at the commit, as its guidelines version is: reading_ms (the item's input
-- at a generous reading speed) and decision_ms (the project's minimum then). Labels committed before this version have
-- neither and are judged by blindfold.audit.min-blind-ms alone, as before.
ALTER TABLE projects ADD COLUMN min_blind_ms INTEGER;
ALTER TABLE blind_answers ADD COLUMN reading_ms INTEGER;
ALTER TABLE blind_answers ADD COLUMN decision_ms INTEGER;
-- A fast_blind label's figures, so the flag can say them: the time needed (at least the configured floor), and of it
-- the reading time and the project minimum (null for labels committed before this version).
ALTER TABLE label_facts ADD COLUMN need_ms BIGINT;
ALTER TABLE label_facts ADD COLUMN reading_ms BIGINT;
ALTER TABLE label_facts ADD COLUMN decision_ms BIGINT;

-- Presentation order: a CATEGORICAL project shows its labels in a per-assignment random order (SHUFFLED) or in the
-- order label ops wrote them (FIXED, for ordinal scales). Projects made before this version keep FIXED: their
-- annotators learned its shortcut keys, and one data set should not mix two presentations; label ops may switch.
ALTER TABLE projects ADD COLUMN label_order VARCHAR(10) DEFAULT 'FIXED' NOT NULL;
-- The labels in the order this assignment shows them, newline-separated (as projects.labels), drawn at its first
-- showing and kept, so a reload shows the same order. Null for other task types.
ALTER TABLE assignments ADD COLUMN label_order VARCHAR(10000);
-- Before this version every categorical assignment showed the project's order: that is what it showed, and, its
-- project being FIXED now, what it will show.
UPDATE assignments SET label_order = (SELECT p.labels FROM projects p WHERE p.id = assignments.project_id)
WHERE project_id IN (SELECT id FROM projects WHERE task_type = 'CATEGORICAL');
