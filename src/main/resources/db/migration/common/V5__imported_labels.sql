-- Labels brought in from another tool (a Label Studio task's annotations). Nobody here saw how they
-- were written, so they export with exposure 'unknown' and never count as blind answers.
CREATE SEQUENCE imported_labels_SEQ START WITH 1 INCREMENT BY 50;
CREATE TABLE imported_labels (
    id               BIGINT           PRIMARY KEY,
    project_id       BIGINT           NOT NULL REFERENCES projects (id),
    item_id          BIGINT           NOT NULL REFERENCES items (id),
    source           VARCHAR(40)      NOT NULL,
    source_id        VARCHAR(200)     NOT NULL,
    source_annotator VARCHAR(200)     NOT NULL,
    answer           VARCHAR(1000000) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE,
    imported_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT imported_labels_uq UNIQUE (item_id, source, source_id)
);
CREATE INDEX imported_labels_project_ix ON imported_labels (project_id, id);
