-- An event's payload is canonical JSON holding up to a whole answer (blindfold.answers.max-length, 100,000
-- characters), and JSON escaping can make each character up to six ("\u0001"): 100,000 was too small for the
-- longest answer Blindfold accepts, whose commit then failed with a 500. Widening a VARCHAR rewrites no row.
ALTER TABLE events ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);
