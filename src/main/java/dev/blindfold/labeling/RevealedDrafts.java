package dev.blindfold.labeling;

import dev.blindfold.labeling.LabelingService.Revealed;
import dev.blindfold.project.Draft;
import dev.blindfold.web.RichText;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An item's drafts as a reveal shows them, in slot order: what the person sees (slot, text, safe HTML) and what the
 * reveal's event logs (slot, draft id, model, family, version, text), and whether one of them names its model
 * ({@code identityLeak}). The annotator's reveal and the reviewer's (review package) both build theirs here, so both
 * show and log drafts alike.
 */
public record RevealedDrafts(String order, List<Revealed> shown, List<Map<String, Object>> logged,
                             boolean identityLeak) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The item's drafts in {@code order} (draft ids, comma-separated), or in a new random order when it is null. */
    public static RevealedDrafts of(long itemId, String order) {
        Map<Long, Draft> drafts = new LinkedHashMap<>();
        Draft.forItem(itemId).forEach(d -> drafts.put(d.id, d));
        String fixed = order != null ? order : DraftSlots.shuffled(new ArrayList<>(drafts.keySet()), RANDOM);
        List<Revealed> shown = new ArrayList<>();
        List<Map<String, Object>> logged = new ArrayList<>();
        List<Long> ids = DraftSlots.parse(fixed);
        boolean identityLeak = false;
        for (int i = 0; i < ids.size(); i++) {
            Draft d = drafts.get(ids.get(i));
            identityLeak |= d.identityLeak != null;
            shown.add(new Revealed(DraftSlots.slot(i), d.text, RichText.html(d.text)));
            logged.add(Map.of("slot", DraftSlots.slot(i), "draftId", d.id, "model", d.model,
                    "family", d.family, "version", d.version, "text", d.text));
        }
        return new RevealedDrafts(fixed, shown, logged, identityLeak);
    }
}
