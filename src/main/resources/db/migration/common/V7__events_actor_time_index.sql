-- Exports read each annotator's whole log in time order (prior exposure spans projects): without this
-- index every annotator costs a scan and sort of the whole events table.
CREATE INDEX events_actor_time_ix ON events (actor_id, server_time, id);
