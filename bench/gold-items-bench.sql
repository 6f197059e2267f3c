\set ON_ERROR_STOP on
DROP DATABASE IF EXISTS gold_bench_scratch;
CREATE DATABASE gold_bench_scratch;
\c gold_bench_scratch
CREATE TABLE users (id BIGINT PRIMARY KEY, username VARCHAR(200) NOT NULL);
CREATE TABLE gold_items (item_id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL, answer VARCHAR(1000000) NOT NULL,
  walk_rank DOUBLE PRECISION DEFAULT RANDOM() NOT NULL, set_by BIGINT, set_at TIMESTAMPTZ NOT NULL);
CREATE INDEX gold_items_walk_ix ON gold_items (project_id, walk_rank);
CREATE TABLE assignments (id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL, item_id BIGINT NOT NULL, annotator_id BIGINT NOT NULL,
  position INT NOT NULL, CONSTRAINT assignments_item_uq UNIQUE (annotator_id, item_id));
CREATE TABLE project_members (id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL, user_id BIGINT NOT NULL,
  gold_blind INT DEFAULT 0 NOT NULL, gold_blind_right INT DEFAULT 0 NOT NULL, gold_final INT DEFAULT 0 NOT NULL,
  gold_final_right INT DEFAULT 0 NOT NULL, qualified BOOLEAN, CONSTRAINT members_uq UNIQUE (project_id, user_id));
ALTER TABLE gold_items SET (autovacuum_enabled = false);
ALTER TABLE assignments SET (autovacuum_enabled = false);
ALTER TABLE project_members SET (autovacuum_enabled = false);
-- 1,000,000 gold items: project 1 holds 900,000, project 2 every 10th item id (100,000).
INSERT INTO gold_items (item_id, project_id, answer, set_at)
SELECT g, CASE WHEN g % 10 = 0 THEN 2 ELSE 1 END, 'known answer ' || g, now() FROM generate_series(1, 1000000) g;
-- 20,000 users; project 1 has 10,000 members, project 2 the other 10,000 + 1,000,000 member rows of 100 other projects.
INSERT INTO users SELECT g, 'annotator-' || g FROM generate_series(1, 20000) g;
INSERT INTO project_members (id, project_id, user_id, gold_blind, gold_blind_right, gold_final, gold_final_right)
SELECT g, CASE WHEN g <= 10000 THEN 1 ELSE 2 END, g, 50, 40, 50, 45 FROM generate_series(1, 20000) g;
INSERT INTO project_members (id, project_id, user_id) SELECT 20000 + g, 3 + g / 10000, g % 20000 + 1 FROM generate_series(1, 1000000) g
ON CONFLICT DO NOTHING;
-- Annotator 7 has had 1,000,000 - a worst case: every gold item of project 2 but its last 16 by rank, and 1M assignments overall
INSERT INTO assignments (id, project_id, item_id, annotator_id, position)
SELECT g, 2, item_id, 7, g FROM (SELECT item_id, row_number() OVER (ORDER BY walk_rank) g FROM gold_items WHERE project_id = 2) x
WHERE g <= 99984;
INSERT INTO assignments (id, project_id, item_id, annotator_id, position)
SELECT 200000 + g, 1, 2000000 + g, 8 + g % 5000, g FROM generate_series(1, 900000) g;
SELECT count(*) AS gold_items FROM gold_items; SELECT count(*) AS assignments FROM assignments; SELECT count(*) AS members FROM project_members;

-- The measured statements (run in the same session):
SET plan_cache_mode = force_generic_plan;
SET jit = off;
PREPARE walk(bigint, float8, float8) AS SELECT item_id, walk_rank FROM gold_items WHERE project_id = $1 AND walk_rank >= $2 AND walk_rank < $3 ORDER BY project_id, walk_rank LIMIT 16;
PREPARE walkx(bigint, float8, float8) AS SELECT item_id, walk_rank FROM gold_items WHERE project_id = $1 AND walk_rank > $2 AND walk_rank < $3 ORDER BY project_id, walk_rank LIMIT 16;
PREPARE had(bigint, bigint[]) AS SELECT item_id FROM assignments WHERE annotator_id = $1 AND item_id = ANY($2);
PREPARE known(bigint) AS SELECT answer FROM gold_items WHERE item_id = $1;
PREPARE acc(bigint, bigint, int) AS SELECT m.user_id, (SELECT u.username FROM users u WHERE u.id = m.user_id), m.gold_blind, m.gold_blind_right, m.gold_final, m.gold_final_right, m.qualified FROM project_members m WHERE m.project_id = $1 AND m.user_id > $2 ORDER BY m.project_id, m.user_id LIMIT $3;
\echo === walk project 1 from 0.5
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE walk(1, 0.5, 2);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE walk(1, 0.5, 2);
\echo === walk project 2 from 0.0 (annotator 7 had all but the last 16 by rank: every page but the last is had)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE walk(2, 0.0, 2);
\echo === had probe, one page
\echo === known answer probe
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE known(500000);
\echo === accuracy page project 1 first 100, and project 2 middle
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE acc(1, 0, 100);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE acc(2, 15000, 100);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE acc(2, 0, 500);
SELECT array_agg(item_id) AS ids FROM (SELECT item_id FROM gold_items WHERE project_id=2 ORDER BY walk_rank LIMIT 16) x \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE had(7, :'ids');
-- then: DROP DATABASE gold_bench_scratch;
