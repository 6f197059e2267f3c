-- B5/B2 on H2: a Java trigger refuses UPDATE and DELETE on the log and on blind answers.
CREATE TRIGGER events_append_only BEFORE UPDATE, DELETE ON events
    FOR EACH ROW CALL 'dev.blindfold.provenance.H2AppendOnlyTrigger';
CREATE TRIGGER blind_answers_immutable BEFORE UPDATE, DELETE ON blind_answers
    FOR EACH ROW CALL 'dev.blindfold.provenance.H2AppendOnlyTrigger';
