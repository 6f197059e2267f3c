package dev.blindfold.audit.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.exposure.ExposureClass;
import java.io.IOException;

/**
 * Reads labels.jsonl into a {@link LabelIndex}, taking from each row only {@code assignment_id}, {@code exposure}
 * and {@code source} (rows are streamed field by field; item texts and drafts are skipped unread). An imported
 * label (no assignment, source other than blindfold) must be tagged {@code unknown}: nothing here saw it written.
 */
final class LabelsFile {

    static final String BLINDFOLD = "blindfold";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final CappedFindings findings;
    private long rows;

    LabelsFile(CappedFindings findings) {
        this.findings = findings;
    }

    LabelIndex read(LineReader lines) throws IOException {
        LabelIndex index = new LabelIndex();
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            int n = (int) lines.lineNumber();
            if (line.length == 0) {
                continue;
            }
            rows++;
            Row row;
            try {
                row = row(line);
            } catch (IOException | IllegalArgumentException e) {
                findings.add(new BundleFinding(Kind.LABEL_MALFORMED, BundleManifest.LABELS, n, null, 0,
                        "not a label row with assignment_id, exposure and source"));
                continue;
            }
            if (row.assignmentId == null) {
                if (BLINDFOLD.equals(row.source)) {
                    findings.add(new BundleFinding(Kind.LABEL_MALFORMED, BundleManifest.LABELS, n, null, 0,
                            "a blindfold label without an assignment"));
                } else if (row.exposure != ExposureClass.UNKNOWN) {
                    findings.add(new BundleFinding(Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, n, null, 0,
                            "an imported label (source " + row.source + ") is tagged " + row.exposure.wireName()
                                    + "; imported labels have no provenance and must be unknown"));
                }
                continue;
            }
            int earlier = index.add(row.assignmentId, row.exposure, n);
            if (earlier != 0) {
                findings.add(new BundleFinding(Kind.LABEL_MALFORMED, BundleManifest.LABELS, n, null, 0,
                        "a second row for assignment " + row.assignmentId + " (the first is at line " + earlier + ")"));
            }
        }
        return index;
    }

    long rows() {
        return rows;
    }

    private record Row(Long assignmentId, ExposureClass exposure, String source) {
    }

    private static Row row(byte[] line) throws IOException {
        Long assignmentId = null;
        String exposure = null;
        String source = null;
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "assignment_id" -> assignmentId = value == JsonToken.VALUE_NULL ? null : p.getLongValue();
                    case "exposure" -> exposure = p.getText();
                    case "source" -> source = value == JsonToken.VALUE_NULL ? null : p.getText();
                    default -> p.skipChildren();
                }
            }
        }
        if (exposure == null) {
            throw new IOException("no exposure");
        }
        return new Row(assignmentId, ExposureClass.fromWire(exposure), source);
    }
}
