package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.exposure.ContentHash;
import dev.blindfold.project.TaskType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A commit's content hashes (the input's, and the drafts' that can identify the item) and its guidelines version. */
class CommitContentTest {

    @Test
    void theCommitNamesTheInputAndEachDistinctDraftTextSorted() {
        Map<String, Object> p = CommitContent.payload("mine", "How do I export?", List.of("Open Settings.", "Ask us.",
                "Open  Settings."), TaskType.FREE_TEXT, List.of(), 3);
        assertEquals(List.of("answer", "inputHash", "draftHashes", "guidelinesVersion"), List.copyOf(p.keySet()));
        assertEquals("mine", p.get("answer"));
        assertEquals(ContentHash.of("How do I export?"), p.get("inputHash"));
        assertEquals(3, p.get("guidelinesVersion"), "the guidelines version the answer was written under");
        assertEquals(Stream.of(ContentHash.of("Open Settings."), ContentHash.of("Ask us.")).sorted().toList(),
                p.get("draftHashes"), "one hash per distinct normalised text");
    }

    @Test
    void aCategoricalDraftThatIsALabelIdentifiesNoItemButOneOutsideTheLabelsDoes() {
        Map<String, Object> p = CommitContent.payload("bug", "Ticket: the export button does nothing.",
                List.of("bug", "feature-request", "class_PREDICTIONS_TESTING"), TaskType.CATEGORICAL,
                List.of("billing", "bug", "feature-request"), 1);
        assertEquals(List.of(ContentHash.of("class_PREDICTIONS_TESTING")), p.get("draftHashes"));
        assertEquals(List.of(ContentHash.of("bug")), CommitContent.payload("x", "y", List.of("bug"), TaskType.FREE_TEXT,
                List.of(), 1).get("draftHashes"), "free text has no label set");
    }
}
