package dev.blindfold.audit.bundlewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.export.ExportFilter;
import dev.blindfold.export.ExportFormat;
import dev.blindfold.export.ExportService;
import dev.blindfold.export.LabelScope;
import dev.blindfold.identity.User;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.ProjectChains;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An audit bundle's labels are classified from the same events its events.jsonl holds: the chain heads read
 * when the bundle starts bound the label export too, so work done while a bundle is written shows in neither
 * file and a bundle of a live project still verifies.
 */
@QuarkusTest
class BundleSnapshotTest {

    @Inject
    ExportService exports;

    @Inject
    ProjectChains chains;

    @Inject
    ObjectMapper json;

    @Test
    void labelsBoundedByTheHeadsAreTheLabelsAsTheyStoodThen() throws Exception {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        String ann = f.annotator();
        long first = TestData.next(ann, f.projectId());
        TestData.commit(ann, first, "My own first answer");
        TestData.keep(ann, first);
        long second = TestData.next(ann, f.projectId());
        TestData.commit(ann, second, "My own second answer");
        Map<Long, Long> heads = chains.heads(f.projectId()).stream()
                .collect(Collectors.toMap(h -> h.chain().actorId(), ChainHeadRef::length));

        Api.as(ann).get("/api/assignments/" + second + "/drafts").then().statusCode(200);
        Api.as(ann).body(Map.of("decision", "REVISE", "answer", "Something else after the reveal"))
                .post("/api/assignments/" + second + "/final").then().statusCode(200);
        long third = TestData.next(ann, f.projectId());
        TestData.commit(ann, third, "My own third answer");

        assertEquals(Map.of(first, "blind_only", second, "blind_only"),
                exposures(f, annotator -> heads.getOrDefault(annotator, 0L)), "as the log stood at the heads");
        assertEquals(Map.of(first, "blind_only", second, "revised_after_reveal", third, "blind_only"),
                exposures(f, annotator -> Long.MAX_VALUE), "as it stands now");
    }

    private Map<Long, String> exposures(Fixture f, LongUnaryOperator lastSeq) throws Exception {
        ExportFilter all = ExportFilter.parse(null, null, null, null, null, null, null, null);
        long ops = User.byUsername(f.ops()).orElseThrow().id;
        String exportId = exports.start(f.projectId(), ExportFormat.JSONL, all, ops);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(exportId, f.projectId(), ExportFormat.JSONL, all, null, "text", new LabelScope(lastSeq, label -> { }), out);
        Map<Long, String> exposures = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode row = json.readTree(line);
            exposures.put(row.get("assignment_id").asLong(), row.get("exposure").asText());
        }
        return exposures;
    }
}
