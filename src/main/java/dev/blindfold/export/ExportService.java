package dev.blindfold.export;

import dev.blindfold.web.StreamFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import dev.blindfold.web.LongReads;

/**
 * Streams a project's kept labels in one of {@link ExportFormat}'s formats and records the export's manifest
 * ({@link ExportManifests}): filters, labels per exposure class, rows written, SHA-256 of the bytes sent, or why it
 * failed. The rows themselves are {@link ExportRows}' work.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final ExportRows rows;
    private final ExportMeters meters;
    private final ExportManifests manifests;

    ExportService(ExportRows rows, ExportMeters meters, ExportManifests manifests) {
        this.rows = rows;
        this.meters = meters;
        this.manifests = manifests;
    }

    /** Records the request ({@code streaming}) and returns the export id that every row will carry. */
    public String start(long projectId, ExportFormat format, ExportFilter filter, long userId) {
        return manifests.start(projectId, format, filter, userId);
    }

    /** Streams the kept labels in {@code format} and then completes the export's manifest. */
    public void write(String exportId, long projectId, ExportFormat format, ExportFilter filter, Long annotatorId,
                      String inputField, OutputStream out) {
        write(exportId, projectId, format, filter, annotatorId, inputField, LabelScope.EVERYTHING, out);
    }

    /**
     * As {@link #write(String, long, ExportFormat, ExportFilter, Long, String, OutputStream)}, from the log as
     * {@code scope} bounds it, handing every label read to its observer too (see {@link LabelScope}).
     *
     * <p>The payload's first bytes (a CSV header, a JSON array's {@code [}) are flushed at once, so the response's
     * head (200 and the export id) reaches the client before any label is read. If anything fails, nothing more is
     * written (no closing bracket), the manifest records the failure and a {@link StreamFailure} is thrown: the web
     * layer then cuts the connection ({@link dev.blindfold.web.StreamedBody}), so the client sees an incomplete
     * transfer (or no answer, when not even the head had gone out), never a short file that looks whole.
     * {@code out} is never closed here.
     */
    public void write(String exportId, long projectId, ExportFormat format, ExportFilter filter, Long annotatorId,
                      String inputField, LabelScope scope, OutputStream out) {
        long started = System.nanoTime();
        PayloadStream payload = new PayloadStream(out);
        ExportRows.Tally tally = new ExportRows.Tally();
        try {
            QuarkusTransaction.requiringNew().timeout(LongReads.TIMEOUT_SECONDS).run(() -> {
                try {
                    rows.write(exportId, projectId, format, filter, annotatorId, inputField, scope, tally, payload);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            throw failed(exportId, format, tally, payload, e);
        }
        manifests.complete(exportId, tally.rows, tally.classes, payload.sha256());
        meters.exported(format, tally.rows, started);
    }

    /** Records why the export stopped and says so in the exception to throw. */
    private StreamFailure failed(String exportId, ExportFormat format, ExportRows.Tally tally, PayloadStream payload,
                                 RuntimeException e) {
        ExportFailure failure = ExportFailure.of(e, tally.rows, payload);
        if (!failure.expected()) {
            LOG.errorf(e, "Export %s failed", exportId);
        }
        try {
            manifests.failed(exportId, failure.reason());
        } catch (RuntimeException recording) {
            e.addSuppressed(recording);
            LOG.errorf(recording, "Export %s failed and its manifest could not record it", exportId);
        }
        meters.failed(format);
        return new StreamFailure("export " + exportId + " failed: " + failure.reason(), e);
    }
}
