package dev.blindfold.export;

import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face TRL dataset rows from one label: the prompt-completion format
 * {@code {prompt, completion}} with the blind answer as the completion (the reference written unanchored).
 */
@ApplicationScoped
public class TrlRows {

    List<Map<String, Object>> rows(Project project, LabelReader.ProjectLabel pl) {
        return List.of(Map.of("prompt", pl.input(), "completion", pl.label().blindAnswer()));
    }
}
