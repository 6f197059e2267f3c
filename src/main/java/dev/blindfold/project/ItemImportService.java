package dev.blindfold.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.project.ItemLines.DraftLine;
import dev.blindfold.project.ItemLines.ItemLine;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Imports a whole NDJSON file in one transaction: all lines land, or none. Idempotent on externalId. */
@ApplicationScoped
@Transactional
public class ItemImportService {

    public record Counts(int created, int skipped, int drafts) {
    }

    private static final int CHUNK = 500;

    private final ProjectService projects;
    private final ItemLines ndjson;
    private final ItemCsv csv;
    private final LabelStudioTasks labelStudio;

    ItemImportService(ProjectService projects, ObjectMapper json) {
        this.projects = projects;
        this.ndjson = new ItemLines(json);
        this.csv = new ItemCsv(json);
        this.labelStudio = new LabelStudioTasks(json);
    }

    public Counts importNdjson(long projectId, String body) {
        projects.find(projectId);
        return store(projectId, ndjson.parse(body));
    }

    public Counts importCsv(long projectId, String body) {
        projects.find(projectId);
        return store(projectId, csv.parse(body));
    }

    public Counts importLabelStudio(long projectId, String body, String inputField, String family) {
        projects.find(projectId);
        return store(projectId, labelStudio.parse(body, inputField, family));
    }

    private Counts store(long projectId, List<ItemLine> lines) {
        Set<String> existing = existingIds(projectId, lines);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int created = 0;
        int drafts = 0;
        for (ItemLine line : lines) {
            if (existing.contains(line.externalId())) {
                continue;
            }
            Item item = new Item();
            item.projectId = projectId;
            item.externalId = line.externalId();
            item.input = line.input();
            item.metadata = line.metadata();
            item.createdAt = now;
            item.persist();
            for (DraftLine d : line.drafts()) {
                Draft draft = new Draft();
                draft.itemId = item.id;
                draft.model = d.model();
                draft.family = d.family();
                draft.version = d.version();
                draft.text = d.text();
                draft.persist();
                drafts++;
            }
            if (++created % CHUNK == 0) {
                Panache.getEntityManager().flush();
                Panache.getEntityManager().clear();
            }
        }
        return new Counts(created, lines.size() - created, drafts);
    }

    private static Set<String> existingIds(long projectId, List<ItemLine> lines) {
        Set<String> found = new HashSet<>();
        List<String> ids = lines.stream().map(ItemLine::externalId).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            found.addAll(Panache.getEntityManager()
                    .createQuery("select i.externalId from Item i where i.projectId = :p and i.externalId in :ids", String.class)
                    .setParameter("p", projectId).setParameter("ids", chunk).getResultList());
        }
        return found;
    }
}
