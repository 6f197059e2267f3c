package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.project.LabelOrder;
import dev.blindfold.project.Project;
import dev.blindfold.project.TaskType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The label order an assignment shows: drawn per assignment when shuffled, the project's when fixed, then kept. */
class ShownLabelsTest {

    private static final List<String> LABELS = List.of("billing", "bug", "feature-request", "account");

    private static Project project(TaskType type, LabelOrder order) {
        Project p = new Project();
        p.taskType = type;
        p.labels = type == TaskType.CATEGORICAL ? String.join("\n", LABELS) : null;
        p.labelOrder = order;
        return p;
    }

    @Test
    void shuffledOrdersDifferBetweenAssignmentsAndPutEveryLabelFirstAboutEquallyOften() {
        Project p = project(TaskType.CATEGORICAL, LabelOrder.SHUFFLED);
        Random random = new Random(42);
        Map<String, Integer> first = new HashMap<>();
        Set<String> orders = new HashSet<>();
        int draws = 2_400;
        for (int i = 0; i < draws; i++) {
            String kept = ShownLabels.draw(p, random);
            List<String> shown = ShownLabels.of(kept, p);
            assertEquals(Set.copyOf(LABELS), Set.copyOf(shown), "every label, each once");
            assertEquals(LABELS.size(), shown.size());
            first.merge(shown.get(0), 1, Integer::sum);
            orders.add(kept);
        }
        assertEquals(24, orders.size(), "all 4! orders occur");
        for (String label : LABELS) {
            int n = first.getOrDefault(label, 0);
            // expected 600 each; 5 standard deviations (about 106) either side
            assertTrue(Math.abs(n - draws / 4) < 110, label + " first " + n + " times of " + draws);
        }
    }

    @Test
    void twoSeedsGiveDifferentSequencesOfOrders() {
        Project p = project(TaskType.CATEGORICAL, LabelOrder.SHUFFLED);
        Random one = new Random(1);
        Random two = new Random(2);
        int same = 0;
        for (int i = 0; i < 100; i++) {
            same += ShownLabels.draw(p, one).equals(ShownLabels.draw(p, two)) ? 1 : 0;
        }
        assertTrue(same < 20, "two assignments share an order about 1 time in 24: " + same + " of 100");
    }

    @Test
    void aFixedProjectShowsItsOwnOrderEveryTime() {
        Project p = project(TaskType.CATEGORICAL, LabelOrder.FIXED);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            assertEquals(LABELS, ShownLabels.of(ShownLabels.draw(p, random), p));
        }
    }

    @Test
    void theKeptOrderIsWhatIsShownAndOtherTaskTypesKeepNone() {
        Project p = project(TaskType.CATEGORICAL, LabelOrder.SHUFFLED);
        assertEquals(List.of("account", "bug", "billing", "feature-request"),
                ShownLabels.of("account\nbug\nbilling\nfeature-request", p));
        assertEquals(LABELS, ShownLabels.of(null, p), "never shown yet: the project's order");
        assertNull(ShownLabels.draw(project(TaskType.FREE_TEXT, LabelOrder.FIXED), new Random(1)));
        assertEquals(Arrays.asList(), ShownLabels.of(null, project(TaskType.FREE_TEXT, LabelOrder.FIXED)));
    }
}
