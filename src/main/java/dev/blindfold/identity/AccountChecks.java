package dev.blindfold.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * What an operator must hear about accounts, once at start: accounts stored with the annotator role beside another
 * (they act without annotator), usernames the case-insensitive migration had to rename (reported once), and a
 * BLINDFOLD_SESSION_KEY that no longer does anything.
 */
@ApplicationScoped
class AccountChecks {

    private static final Logger LOG = Logger.getLogger(AccountChecks.class);
    static final String OLD_SESSION_KEY = "BLINDFOLD_SESSION_KEY";

    private final EntityManager em;
    private final Config config;

    AccountChecks(EntityManager em, Config config) {
        this.em = em;
        this.config = config;
    }

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent start) {
        if (config.getOptionalValue(OLD_SESSION_KEY, String.class).filter(v -> !v.isBlank()).isPresent()) {
            LOG.warnf("%s is set but no longer used: sign-in sessions are kept in the database and need no shared key."
                    + " Remove it.", OLD_SESSION_KEY);
        }
        for (User user : User.<User>list("active = true and roles like ?1", "%" + Roles.ANNOTATOR + "%")) {
            if (RoleRules.conflicting(user.roleList())) {
                LOG.warnf("Account '%s' (id %d) holds %s: annotator cannot be combined with a staff role, so it acts"
                        + " without annotator and gets no assignments. Give the person a separate annotator account.",
                        user.username, user.id, user.roleList());
            }
        }
        reportRenames();
    }

    private void reportRenames() {
        @SuppressWarnings("unchecked")
        List<Object[]> renames = em.createNativeQuery("SELECT user_id, old_username, new_username FROM username_changes"
                + " WHERE reported_at IS NULL ORDER BY user_id").getResultList();
        for (Object[] r : renames) {
            if (!r[1].toString().toLowerCase(java.util.Locale.ROOT).equals(r[2].toString())) {
                LOG.warnf("Usernames no longer depend on letter case, and '%s' (id %s) was taken in another case: that"
                        + " account is now '%s' (same password and roles). Tell its owner.", r[1], r[0], r[2]);
            }
        }
        if (!renames.isEmpty()) {
            em.createNativeQuery("UPDATE username_changes SET reported_at = :now WHERE reported_at IS NULL")
                    .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        }
    }
}
