-- Guidelines versions (issue 14, item 1): label ops may edit a project's guidelines, and a label must still say which
-- guidelines it was written under, so an edit never overwrites: it adds the next version here (who, when, the text)
-- and projects.guidelines/guidelines_version name the one in force. Each blind commit keeps the version in force at
-- that moment (blind_answers.guidelines_version, also in the BLIND_COMMITTED event's payload), which every export
-- carries per label. dev.blindfold.project.GuidelinesVersions writes and reads them.
CREATE TABLE guidelines_versions (
    project_id BIGINT          NOT NULL REFERENCES projects (id),
    version    INTEGER         NOT NULL,
    guidelines VARCHAR(100000) NOT NULL,
    created_by BIGINT          NOT NULL REFERENCES users (id),
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, version)
);

-- Until now guidelines could not change: every project has had exactly one version, written when it was created.
INSERT INTO guidelines_versions (project_id, version, guidelines, created_by, created_at)
SELECT id, 1, guidelines, created_by, created_at FROM projects;
ALTER TABLE projects ADD COLUMN guidelines_version INTEGER DEFAULT 1 NOT NULL;

-- And so every label written so far was written under version 1.
ALTER TABLE blind_answers ADD COLUMN guidelines_version INTEGER DEFAULT 1 NOT NULL;
