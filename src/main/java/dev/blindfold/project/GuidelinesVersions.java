package dev.blindfold.project;

import dev.blindfold.web.ProblemException;
import dev.blindfold.web.UnicodeText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A project's guidelines, versioned: creating a project writes version 1, an edit of a project that is not closed
 * writes the next one and puts it in force ({@code projects.guidelines}, {@code projects.guidelines_version}); a text
 * equal to the one in force changes nothing. Labeling records the version in force in each assignment's events.
 */
@ApplicationScoped
public class GuidelinesVersions {

    /** The guidelines column's size. */
    static final int MAX_GUIDELINES = 100_000;

    /** One version as staff see it: when, by whom (username) and the Markdown text. */
    public record Version(int version, Instant createdAt, String createdBy, String text) {
    }

    private final EntityManager em;

    GuidelinesVersions(EntityManager em) {
        this.em = em;
    }

    /** Refuses guidelines Blindfold cannot take: too long, or text the database cannot hold (a form is not JSON). */
    static String check(String guidelines) {
        if (guidelines == null) {
            return "";
        }
        if (guidelines.length() > MAX_GUIDELINES) {
            throw ProblemException.badRequest("invalid-project", "guidelines are longer than " + MAX_GUIDELINES
                    + " characters.");
        }
        if (guidelines.indexOf('\u0000') >= 0 || !UnicodeText.isValid(guidelines)) {
            throw ProblemException.badRequest("invalid-project", "guidelines may not hold NUL characters (\\u0000)"
                    + " and must be valid Unicode.");
        }
        return guidelines;
    }

    /** Writes version 1 of a project just persisted. */
    @Transactional(Transactional.TxType.MANDATORY)
    void first(Project project) {
        write(project.id, 1, project.guidelines, project.createdBy, project.createdAt);
    }

    /**
     * Puts {@code guidelines} in force on a project the caller has locked (PESSIMISTIC_WRITE, so two edits take turns
     * and each gets its own number); returns false when the text is the one in force. Line breaks compare as line
     * breaks: a browser sends a textarea's as CRLF whatever the text was stored with.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean edit(Project locked, String guidelines, long editorId) {
        String text = check(guidelines);
        if (lines(text).equals(lines(locked.guidelines))) {
            return false;
        }
        if (locked.status == ProjectStatus.CLOSED) {
            throw ProblemException.conflict("project-closed", "Project " + locked.id + " is closed; its guidelines"
                    + " can no longer change.");
        }
        locked.guidelinesVersion++;
        locked.guidelines = text;
        write(locked.id, locked.guidelinesVersion, text, editorId, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return true;
    }

    /** Every version of a project's guidelines, newest first. A project has a handful, so there is no paging. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> of(long projectId) {
        return em.createQuery("select new dev.blindfold.project.GuidelinesVersions$Version(g.version, g.createdAt,"
                        + " u.username, g.guidelines) from GuidelinesVersion g join User u on u.id = g.createdBy"
                        + " where g.projectId = :p order by g.version desc", Version.class)
                .setParameter("p", projectId).getResultList();
    }

    private static void write(long projectId, int number, String text, long by, Instant at) {
        GuidelinesVersion version = new GuidelinesVersion();
        version.projectId = projectId;
        version.version = number;
        version.guidelines = text;
        version.createdBy = by;
        version.createdAt = at;
        version.persist();
    }

    private static String lines(String text) {
        return text.replace("\r\n", "\n");
    }
}
