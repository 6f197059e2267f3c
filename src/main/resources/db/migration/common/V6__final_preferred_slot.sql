-- PAIRWISE items: the slot of the draft the annotator preferred (decision PREFER); null for every other
-- decision. Kept apart from accepted_slot, which means "the final answer is this draft".
ALTER TABLE final_answers ADD COLUMN preferred_slot VARCHAR(4);
