package dev.blindfold.labeling;

import dev.blindfold.exposure.ContentHash;
import dev.blindfold.project.TaskType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a BLIND_COMMITTED event says about the item's content, so the exposure rules can tell a commit whose input or
 * drafts the annotator had been shown before (on any assignment, in any project): {@code inputHash}, the
 * {@link ContentHash} of the item's input, and {@code draftHashes}, those of its drafts' texts, sorted and distinct.
 * A CATEGORICAL project's draft whose text is one of the project's labels identifies no item (every item may have a
 * draft "billing"), so its hash is left out. The event is read only by ops and auditors, never served to the
 * annotator, so the hashes reveal nothing of the drafts to them (B1). It also names the project's guidelines version the
 * answer was written under ({@code guidelinesVersion}; events written before guidelines could change have none: 1).
 * Plain Java.
 */
final class CommitContent {

    private CommitContent() {
    }

    static Map<String, Object> payload(String answer, String input, List<String> draftTexts, TaskType type,
                                       List<String> labels, int guidelinesVersion) {
        TreeSet<String> drafts = new TreeSet<>();
        for (String text : draftTexts) {
            if (type != TaskType.CATEGORICAL || !labels.contains(text)) {
                drafts.add(ContentHash.of(text));
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("answer", answer);
        payload.put("inputHash", ContentHash.of(input));
        payload.put("draftHashes", List.copyOf(drafts));
        payload.put("guidelinesVersion", guidelinesVersion);
        return payload;
    }
}
