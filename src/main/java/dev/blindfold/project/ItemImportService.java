package dev.blindfold.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import dev.blindfold.web.SqlStates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports an upload while it streams in: the parser reads it record by record and {@link ImportWriter}
 * stores chunks as they fill, all in ONE transaction, so a file lands whole or not at all (the first
 * bad record rolls back every chunk already flushed). That transaction spans the upload itself, so
 * it gets its own timeout ({@code blindfold.imports.timeout}) instead of the default minute; a
 * caller already in a transaction (the demo seeder) has the import join it.
 * Idempotent on externalId: items the project already has are skipped and counted as such.
 */
@ApplicationScoped
public class ItemImportService {

    /**
     * What an import did: items created, items skipped (already there), drafts and imported labels stored, and how
     * many of the drafts stored name their model ({@link IdentityTerms}), and how many new items are gold items
     * ({@link KnownAnswers}).
     */
    public record Counts(int created, int skipped, int drafts, int labels, int flaggedDrafts, int goldItems) {
    }

    /** SQL states of a collision with a concurrent import: unique violation, lock wait timeout (H2), lock not
     *  available, deadlock (PostgreSQL). */
    private static final Set<String> COLLISIONS = Set.of("23505", "HYT00", "55P03", "40P01");

    private final ProjectService projects;
    private final EntityManager em;
    private final BlindfoldConfig config;
    private final ItemLines ndjson;
    private final ItemCsv csv;
    private final LabelStudioTasks labelStudio;
    private final QueueCounts queueCounts;
    private final LeakCounts leakCounts;

    ItemImportService(ProjectService projects, EntityManager em, BlindfoldConfig config, ObjectMapper json,
                      QueueCounts queueCounts, LeakCounts leakCounts) {
        this.projects = projects;
        this.queueCounts = queueCounts;
        this.leakCounts = leakCounts;
        this.em = em;
        this.config = config;
        this.ndjson = new ItemLines(json);
        this.csv = new ItemCsv(json);
        this.labelStudio = new LabelStudioTasks(json);
    }

    public Counts importNdjson(long projectId, InputStream body) {
        return inOneTransaction(projectId, "line", writer -> ndjson.read(body, writer::add));
    }

    public Counts importCsv(long projectId, InputStream body) {
        return inOneTransaction(projectId, "line", writer -> csv.read(body, writer::add));
    }

    public Counts importLabelStudio(long projectId, InputStream body, String inputField, String family) {
        return inOneTransaction(projectId, "task",
                writer -> labelStudio.read(body, inputField, family, task -> writer.add(task.item(), task.annotations())));
    }

    private Counts inOneTransaction(long projectId, String noun, Consumer<ImportWriter> parse) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.imports().timeout().toSeconds());
        try {
            return QuarkusTransaction.joiningExisting().timeout(timeout).call(() -> {
                Project project = projects.find(projectId);
                ImportWriter writer = new ImportWriter(em, project, noun, Instant.now().truncatedTo(ChronoUnit.MICROS),
                        config.identityLeaks().terms(), config.answers().maxLength());
                parse.accept(writer);
                Counts counts = writer.finish();
                leakCounts.add(projectId, counts.flaggedDrafts());
                KnownAnswers.counted(em, projectId, counts.goldItems());
                queueCounts.itemsAdded(projectId, counts.created());
                return counts;
            });
        } catch (UncheckedIOException e) {
            throw new ProblemException(400, "upload-unreadable", "Upload not read", "The upload could not be read"
                    + " to its end: the connection closed or stalled, or it is larger than " + config.imports().maxSize()
                    .asLongValue() / (1024 * 1024) + " MiB. Nothing was imported.");
        } catch (RuntimeException e) {
            if (collidedWithAnotherImport(e)) {
                throw new ProblemException(409, "import-conflict", "Import collided", "Another import was storing"
                        + " some of the same items (by externalId) at the same time, so nothing of this file was"
                        + " imported. Send it again: items that exist by then are skipped.");
            }
            throw e;
        }
    }

    /**
     * Whether the database refused the import's rows because a concurrent import holds the same externalIds:
     * a unique violation once that import committed, or a lock wait given up while it was still open.
     */
    private static boolean collidedWithAnotherImport(Throwable e) {
        return SqlStates.causedBy(e, COLLISIONS);
    }
}
