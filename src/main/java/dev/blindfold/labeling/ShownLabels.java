package dev.blindfold.labeling;

import dev.blindfold.project.LabelOrder;
import dev.blindfold.project.Project;
import dev.blindfold.project.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order a CATEGORICAL assignment shows its project's labels in: drawn once, at its first showing, and kept
 * (newline-separated, as the project keeps its labels), so a reload shows the same order and the keyboard's 1–9 keep
 * naming the same labels. A SHUFFLED project draws a random order per assignment; a FIXED one keeps its own. The order
 * says nothing of any draft (B1). Plain Java.
 */
final class ShownLabels {

    private ShownLabels() {
    }

    /** The order to keep for a first showing; null when the project has no labels to order. */
    static String draw(Project project, Random random) {
        if (project.taskType != TaskType.CATEGORICAL || project.labelList().isEmpty()) {
            return null;
        }
        List<String> labels = new ArrayList<>(project.labelList());
        if (project.labelOrder == LabelOrder.SHUFFLED) {
            Collections.shuffle(labels, random);
        }
        return String.join("\n", labels);
    }

    /** The labels as the assignment shows them: its kept order, else (never shown yet) the project's. */
    static List<String> of(String kept, Project project) {
        return kept == null || kept.isEmpty() ? project.labelList() : Arrays.asList(kept.split("\n"));
    }
}
