package dev.blindfold.demo;

import dev.blindfold.identity.Roles;
import dev.blindfold.identity.StartupLock;
import dev.blindfold.identity.User;
import dev.blindfold.identity.UserService;
import dev.blindfold.project.ItemImportService;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectChange;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.ProjectService.NewProject;
import dev.blindfold.project.RevealPolicy;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/** Loads the demo users and projects into an empty database (demo mode only). */
@ApplicationScoped
class DemoSeeder {

    /** The password of every demo user; stated in the README. */
    static final String DEMO_PASSWORD = "blindfold-demo";
    static final List<String> ANNOTATORS = List.of("ana", "ben");

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    private final BlindfoldConfig config;
    private final UserService users;
    private final ProjectService projects;
    private final ItemImportService imports;
    private final StartupLock lock;

    DemoSeeder(BlindfoldConfig config, UserService users, ProjectService projects, ItemImportService imports,
               StartupLock lock) {
        this.config = config;
        this.users = users;
        this.projects = projects;
        this.imports = imports;
        this.lock = lock;
    }

    /** Under the start-up lock, so nodes starting together in demo mode load the demo once. */
    @Transactional
    void onStart(@Observes @Priority(2000) StartupEvent start) {
        if (!config.demo().enabled()) {
            return;
        }
        lock.acquire();
        if (Project.count() > 0) {
            return;
        }
        for (String name : ANNOTATORS) {
            users.create(name, DEMO_PASSWORD, List.of(Roles.ANNOTATOR));
        }
        users.create("olivia", DEMO_PASSWORD, List.of(Roles.OPS));
        users.create("audrey", DEMO_PASSWORD, List.of(Roles.AUDITOR));
        users.create("rita", DEMO_PASSWORD, List.of(Roles.REVIEWER));
        long ops = User.byUsername("olivia").orElseThrow().id;

        Project support = projects.create(new NewProject("Support replies (demo)", TaskType.FREE_TEXT, null, 2,
                RevealPolicy.REVEAL_AFTER_COMMIT,
                "Write the reply you would send to the customer: correct, kind, short. Do not invent policies.", null, null, null), ops);
        Project triage = projects.create(new NewProject("Ticket triage (demo)", TaskType.CATEGORICAL,
                List.of("billing", "bug", "feature-request", "account"), 2, RevealPolicy.REVEAL_AFTER_COMMIT,
                "Pick the team that should handle the ticket.", null, null, null), ops);
        Project preference = projects.create(new NewProject("Reply preference (demo)", TaskType.PAIRWISE, null, 2,
                RevealPolicy.REVEAL_AFTER_COMMIT,
                "Write the reply you would send first. Then prefer the better of the two responses, or call a tie.", null,
                null, null), ops);
        Project rating = projects.create(new NewProject("Draft rating (demo)", TaskType.DRAFT_RATING, null, 2,
                RevealPolicy.REVEAL_AFTER_COMMIT,
                "Write the reply you would send first. Then rate each draft from 1 (would not send it) to 5 (would send it as is).", null, null, null),
                ops);
        for (Project p : List.of(support, preference, rating)) {
            importItems(p.id, "/demo/support-replies.ndjson");
        }
        importItems(triage.id, "/demo/ticket-triage.ndjson");
        projects.change(triage.id, ProjectChange.adjudicationBelow(1.0), ops);
        for (Project p : List.of(support, triage, preference, rating)) {
            ANNOTATORS.forEach(name -> projects.addMember(p.id, name));
        }
        LOG.infof("Demo loaded: annotators %s, ops 'olivia', auditor 'audrey', reviewer 'rita'; every demo password is '%s'",
                ANNOTATORS, DEMO_PASSWORD);
    }

    private void importItems(long projectId, String path) {
        try (InputStream in = DemoSeeder.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + path);
            }
            imports.importNdjson(projectId, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
