-- Drafts that give their model away (issue 15): a draft saying "I'm Claude, made by Anthropic" unblinds the annotator
-- at reveal. The import flags each draft whose text names a configured vendor or product term or one of the project's
-- own model names (dev.blindfold.project.IdentityTerms, DraftNames); label ops redact or drop flagged drafts before
-- anyone labels the item. identity_leak is the first term found (null: clean). Drafts imported before this version are
-- not checked: matching whole words across scripts is not something both databases can do in SQL.
ALTER TABLE drafts ADD COLUMN identity_leak VARCHAR(200);

-- The project of a flagged draft (null while clean): drafts carry no project id, so the ops page walks this index, one
-- range per project in draft id order, instead of joining every draft of a project to its item.
ALTER TABLE drafts ADD COLUMN leak_project_id BIGINT;
CREATE INDEX drafts_leak_ix ON drafts (leak_project_id, id);

-- The model names and versions the project's drafts were imported with, kept as project_families keeps families, so an
-- import reads its project's names once instead of scanning its drafts. kind is MODEL or VERSION (only versions of 4
-- characters or more with a letter are used as terms, decided where they are read).
CREATE TABLE project_model_names (
    project_id BIGINT       NOT NULL REFERENCES projects (id),
    kind       VARCHAR(10)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    PRIMARY KEY (project_id, kind, name)
);
INSERT INTO project_model_names (project_id, kind, name)
SELECT DISTINCT i.project_id, 'MODEL', d.model FROM drafts d JOIN items i ON i.id = d.item_id;
INSERT INTO project_model_names (project_id, kind, name)
SELECT DISTINCT i.project_id, 'VERSION', d.version FROM drafts d JOIN items i ON i.id = d.item_id;

-- Flagged drafts per project, kept by import, redact and drop, so the overview reads its link's count.
CREATE TABLE identity_leak_counts (
    project_id BIGINT PRIMARY KEY REFERENCES projects (id),
    drafts     BIGINT NOT NULL
);
