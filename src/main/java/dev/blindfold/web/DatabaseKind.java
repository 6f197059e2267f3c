package dev.blindfold.web;

import jakarta.persistence.EntityManager;
import java.util.Locale;
import org.hibernate.Session;

/** Which database an entity manager talks to, for the few statements PostgreSQL and H2 spell differently. */
public final class DatabaseKind {

    private DatabaseKind() {
    }

    public static boolean postgres(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName()
                .toLowerCase(Locale.ROOT).contains("postgres"));
    }
}
