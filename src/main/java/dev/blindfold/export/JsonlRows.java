package dev.blindfold.export;

import dev.blindfold.facts.LabelReader;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.Similarity;
import dev.blindfold.exposure.LabelExposure.ShownDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One export row per label, flat, with the same keys and types on every row, so that Hugging Face
 * {@code datasets.load_dataset("json", ...)} loads it unchanged. Absent values are null (a label awaiting its final
 * decision has no final answer, decision or final similarities); prior exposure is a list of
 * {family, count, same_content}; similarities name their measure in the key. {@code guidelines_version} is the
 * project's guidelines version the blind answer was written under (null for a label imported from another tool).
 * {@code identity_leak_shown} is true when the label's reveal showed a draft that names its model (false otherwise,
 * and for an imported label: nobody here showed it drafts).
 * {@code label_order} is a CATEGORICAL label's labels in the order its item page showed them (null for other task types,
 * for a label committed without its page being shown, and for imported labels); {@code draft_order} the shown drafts'
 * model names in slot order, A first ([] when never revealed; null for imported labels). {@code adjudicated_answer} and
 * {@code adjudication_exposure} are the item's adjudication by a reviewer, on every label of the item (null when the
 * item has none committed, and on imported labels). {@code gold_item} is true for a label of a gold item, an
 * item whose answer label ops know (a control mixed into every queue, not consensus gold), with that answer in
 * {@code gold_answer} (null otherwise), so a training set can leave the controls out or score against them.
 */
final class JsonlRows {

    /** The keys of every row, in order. */
    static final List<String> KEYS = List.of("project_id", "export_id", "item_external_id", "item_input", "annotator",
            "assignment_id", "blind_answer", "final_answer", "final_decision", "preferred_slot", "exposure", "committed_at",
            "guidelines_version", "identity_leak_shown", "gold_item", "gold_answer", "adjudicated_answer",
            "adjudication_exposure", "prior_exposure",
            "blind_ms", "time_to_first_input_ms", "pasted_chars", "focus_losses", "paste_dominant", "offscreen_composition",
            "blind_final_" + Similarity.EDIT, "blind_final_" + Similarity.TOKEN_F1, "drafts", "label_order", "draft_order", "source");

    /** {@code source} of a label written here; imported labels carry their tool's name. */
    static final String BLINDFOLD = "blindfold";

    private JsonlRows() {
    }

    static Map<String, Object> row(String exportId, long projectId, String annotator, LabelReader.ProjectLabel pl) {
        LabelExposure l = pl.label();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("project_id", projectId);
        row.put("export_id", exportId);
        row.put("item_external_id", pl.externalId());
        row.put("item_input", pl.input());
        row.put("annotator", annotator);
        row.put("assignment_id", l.assignmentId());
        row.put("blind_answer", l.blindAnswer());
        row.put("final_answer", l.finalAnswer());
        row.put("final_decision", l.decision());
        row.put("preferred_slot", l.preferredSlot());
        row.put("exposure", l.exposure().wireName());
        row.put("committed_at", l.committedAt().toString());
        row.put("guidelines_version", pl.guidelinesVersion());
        row.put("identity_leak_shown", pl.identityLeakShown());
        row.put("gold_item", pl.goldAnswer() != null);
        row.put("gold_answer", pl.goldAnswer());
        row.put("adjudicated_answer", pl.adjudicatedAnswer());
        row.put("adjudication_exposure", pl.adjudicationExposure());
        List<Map<String, Object>> prior = new ArrayList<>();
        l.priorExposure().forEach((family, count) -> prior.add(prior(family, count, l.sameContentFrom(family))));
        row.put("prior_exposure", prior);
        row.put("blind_ms", l.blindMs());
        row.put("time_to_first_input_ms", l.timeToFirstInputMs());
        row.put("pasted_chars", l.pastedChars());
        row.put("focus_losses", l.focusLosses());
        row.put("paste_dominant", l.pasteDominant());
        row.put("offscreen_composition", l.offscreenComposition());
        row.put("blind_final_" + Similarity.EDIT, orNull(l.blindFinalEdit()));
        row.put("blind_final_" + Similarity.TOKEN_F1, orNull(l.blindFinalTokenF1()));
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (ShownDraft d : l.drafts()) {
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("slot", d.slot());
            draft.put("model", d.model());
            draft.put("family", d.family());
            draft.put("version", d.version());
            draft.put("rating", d.rating());
            draft.put("blind_" + Similarity.EDIT, d.blindEdit());
            draft.put("blind_" + Similarity.TOKEN_F1, d.blindTokenF1());
            draft.put("final_" + Similarity.EDIT, orNull(d.finalEdit()));
            draft.put("final_" + Similarity.TOKEN_F1, orNull(d.finalTokenF1()));
            drafts.add(draft);
        }
        row.put("drafts", drafts);
        row.put("label_order", pl.labelOrder());
        row.put("draft_order", pl.draftOrder());
        row.put("source", BLINDFOLD);
        return row;
    }

    /**
     * A prior exposure entry: drafts of the family shown before the commit, and how many of them shared this item's
     * input or one of its draft texts (seen_before_commit rests on those).
     */
    private static Map<String, Object> prior(String family, int count, int sameContent) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("family", family);
        entry.put("count", count);
        entry.put("same_content", sameContent);
        return entry;
    }

    /** A similarity, or null where there is nothing to compare (no final answer yet). */
    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /**
     * An imported label in the same shape: no blind answer and nothing observed (timings, paste, focus and
     * blind similarities are null), exposure {@code unknown}, prior exposure = the families of its item's
     * drafts (all of them its own item's content, so same_content = count), drafts without a slot (nobody here showed them) and with the final answer's similarity.
     */
    static Map<String, Object> imported(String exportId, long projectId, String annotator, ImportedLabels.ImportedLabel l) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("project_id", projectId);
        row.put("export_id", exportId);
        row.put("item_external_id", l.externalId());
        row.put("item_input", l.input());
        row.put("annotator", annotator);
        row.put("assignment_id", null);
        row.put("blind_answer", null);
        row.put("final_answer", l.answer());
        row.put("final_decision", null);
        row.put("preferred_slot", null);
        row.put("exposure", ExposureClass.UNKNOWN.wireName());
        row.put("committed_at", l.createdAt() == null ? null : l.createdAt().toString());
        row.put("guidelines_version", null);
        row.put("identity_leak_shown", false);
        row.put("gold_item", l.goldAnswer() != null);
        row.put("gold_answer", l.goldAnswer());
        row.put("adjudicated_answer", null);
        row.put("adjudication_exposure", null);
        List<Map<String, Object>> prior = new ArrayList<>();
        l.priorExposure().forEach((family, count) -> prior.add(prior(family, count, count)));
        row.put("prior_exposure", prior);
        for (String key : List.of("blind_ms", "time_to_first_input_ms", "pasted_chars", "focus_losses", "paste_dominant",
                "offscreen_composition", "blind_final_" + Similarity.EDIT, "blind_final_" + Similarity.TOKEN_F1)) {
            row.put(key, null);
        }
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (ImportedLabels.ItemDraft d : l.drafts()) {
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("slot", null);
            draft.put("model", d.model());
            draft.put("family", d.family());
            draft.put("version", d.version());
            draft.put("rating", null);
            draft.put("blind_" + Similarity.EDIT, null);
            draft.put("blind_" + Similarity.TOKEN_F1, null);
            draft.put("final_" + Similarity.EDIT, Similarity.editSimilarity(l.answer(), d.text()));
            draft.put("final_" + Similarity.TOKEN_F1, Similarity.tokenF1(l.answer(), d.text()));
            drafts.add(draft);
        }
        row.put("drafts", drafts);
        row.put("label_order", null);
        row.put("draft_order", null);
        row.put("source", l.source());
        return row;
    }
}
