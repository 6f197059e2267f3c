package dev.blindfold.export;

import dev.blindfold.facts.LabelReader;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.LabelExposure.ShownDraft;
import dev.blindfold.project.Project;
import dev.blindfold.project.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face TRL dataset rows from one label.
 * <ul>
 *   <li>PAIRWISE: the preference format {@code {prompt, chosen, rejected}}, one row per draft the annotator
 *       did not prefer (so three drafts give two pairs); a tie gives none.</li>
 *   <li>Free-text types: the prompt-completion format {@code {prompt, completion}} with the blind answer as
 *       the completion (the reference written unanchored); a {@code seen_before_commit} label gives none, its
 *       answer having been written after drafts of the same content were shown.</li>
 * </ul>
 * Every row also has {@code guidelines_version}, the guidelines version its label was written under, and
 * {@code identity_leak_shown}, whether its reveal showed a draft that names its model: columns beside the ones TRL
 * reads, so a training set can be cut to the labels of one version, or to those no model name could have swayed.
 */
@ApplicationScoped
public class TrlRows {

    private static final String GUIDELINES_VERSION = "guidelines_version";
    private static final String IDENTITY_LEAK_SHOWN = "identity_leak_shown";

    List<Map<String, Object>> rows(Project project, LabelReader.ProjectLabel pl) {
        LabelExposure label = pl.label();
        if (project.taskType != TaskType.PAIRWISE) {
            return label.exposure() == ExposureClass.SEEN_BEFORE_COMMIT ? List.of()
                    : List.of(Map.of("prompt", pl.input(), "completion", label.blindAnswer(),
                            GUIDELINES_VERSION, pl.guidelinesVersion(), IDENTITY_LEAK_SHOWN, pl.identityLeakShown()));
        }
        ShownDraft chosen = label.drafts().stream().filter(d -> d.slot().equals(label.preferredSlot())).findFirst().orElse(null);
        if (chosen == null) {
            return List.of();
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (ShownDraft rejected : label.drafts()) {
            if (rejected != chosen) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("prompt", pl.input());
                row.put("chosen", chosen.text());
                row.put("rejected", rejected.text());
                row.put(GUIDELINES_VERSION, pl.guidelinesVersion());
                row.put(IDENTITY_LEAK_SHOWN, pl.identityLeakShown());
                pairs.add(row);
            }
        }
        return pairs;
    }
}
