-- B5/B2: the database itself refuses to change the provenance log or a committed blind answer.
CREATE FUNCTION blindfold_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'blindfold: % on % is not allowed (append-only)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION blindfold_refuse_change();
CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION blindfold_refuse_change();
CREATE TRIGGER blind_answers_immutable
    BEFORE UPDATE OR DELETE ON blind_answers
    FOR EACH ROW EXECUTE FUNCTION blindfold_refuse_change();
