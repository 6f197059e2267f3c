package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * excludeExposedTo: priming across items needs minExposures drafts of the family; a draft of the family sharing the
 * label's own content (its input or a draft text) is direct exposure and drops the label at any threshold.
 */
class ExportFilterTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static LabelExposure label(ExposureClass exposure, Map<String, Integer> prior, Map<String, Integer> same) {
        return new LabelExposure(1, exposure, "mine", "mine", "KEEP", null, AT, prior, 1000L, null, 0, 0, false, false,
                1.0, 1.0, List.of(), same, same.isEmpty() ? null : new LabelExposure.EarlierReveal(9, AT.minusSeconds(60)));
    }

    private static ExportFilter excluding(String family, int minExposures) {
        return ExportFilter.parse(null, family, minExposures, null, null, null, null, null);
    }

    @Test
    void primingNeedsMinExposuresButSameContentDropsAtAnyThreshold() {
        LabelExposure primed = label(ExposureClass.BLIND_ONLY, Map.of("x", 3), Map.of());
        assertTrue(excluding("x", 5).keeps(primed));
        assertFalse(excluding("x", 3).keeps(primed));
        LabelExposure seen = label(ExposureClass.SEEN_BEFORE_COMMIT, Map.of("x", 1, "y", 4), Map.of("x", 1));
        assertFalse(excluding("x", 5).keeps(seen), "a draft of x of this very input was shown before the commit");
        assertTrue(excluding("y", 5).keeps(seen), "y only primed it, below the threshold");
    }

    @Test
    void anImportedLabelWasShownItsOwnItemsDraftsSoAnyOfTheFamilyDropsIt() {
        ImportedLabels.ImportedLabel imported = new ImportedLabels.ImportedLabel(1, 2, "q1", "input", "label-studio", "7",
                "someone", "answer", AT, List.of(new ImportedLabels.ItemDraft("m", "x", "1", "draft")));
        assertFalse(excluding("x", 5).keeps(imported));
        assertTrue(excluding("y", 1).keeps(imported));
    }

    @Test
    void theExposureFilterTakesTheNewClasses() {
        ExportFilter blindOnly = ExportFilter.parse(List.of("blind_only,blind_kept"), null, null, null, null, null, null, null);
        assertFalse(blindOnly.keeps(label(ExposureClass.SEEN_BEFORE_COMMIT, Map.of("x", 1), Map.of("x", 1))));
        assertFalse(blindOnly.keeps(label(ExposureClass.AWAITING_FINAL, Map.of(), Map.of())));
        ExportFilter awaiting = ExportFilter.parse(List.of("awaiting_final"), null, null, null, null, null, null, null);
        assertTrue(awaiting.keeps(label(ExposureClass.AWAITING_FINAL, Map.of(), Map.of())));
    }
}
