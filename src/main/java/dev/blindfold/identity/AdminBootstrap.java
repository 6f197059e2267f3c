package dev.blindfold.identity;

import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/** Creates the first admin on start: password from BLINDFOLD_ADMIN_PASSWORD, or generated and printed once. */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final UserService users;
    private final BlindfoldConfig config;
    private final StartupLock lock;

    AdminBootstrap(UserService users, BlindfoldConfig config, StartupLock lock) {
        this.users = users;
        this.config = config;
        this.lock = lock;
    }

    /** Under the start-up lock: a second node starting at the same moment waits, then finds the admin there. */
    @Transactional
    void onStart(@Observes StartupEvent start) {
        lock.acquire();
        if (User.byUsername(ADMIN).isPresent()) {
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        users.create(ADMIN, password, List.of(Roles.ADMIN, Roles.OPS, Roles.AUDITOR));
        if (generated) {
            LOG.infof("First admin created: username 'admin', password '%s' (shown once; set BLINDFOLD_ADMIN_PASSWORD to choose it)", password);
        } else {
            LOG.info("First admin created: username 'admin', password from BLINDFOLD_ADMIN_PASSWORD");
        }
    }
}
