package dev.blindfold.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Runs the read models' own statements on the transaction's connection straight through JDBC. A blind commit moves
 * some thirty rows of kept tallies; as Hibernate native queries each paid for parsing, result-type discovery, an
 * auto-flush check and a bulk-operation cache clean-up, about half of the loop's CPU (JFR, AnnotatorLoopBenchIT).
 * Only for tables that nothing maps as an entity: no pending entity change can be what these statements read. A
 * statement numbers its parameters as JPA does ({@code ?1}, in any order, repeated or not) or marks them all with a
 * plain {@code ?}; an {@link Instant} is bound as a UTC timestamp, a null as SQL NULL.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DirectSql {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    /** A statement as JDBC takes it, with the parameter each {@code ?} reads (0-based). */
    private record Plain(String sql, int[] order) {
    }

    private final Map<String, Plain> plain = new ConcurrentHashMap<>();
    private final EntityManager em;

    DirectSql(EntityManager em) {
        this.em = em;
    }

    /** Runs an insert, update, delete or lock; the number of rows it changed. */
    public int update(String sql, List<?> parameters) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = prepare(c, sql, parameters)) {
                return s.executeUpdate();
            }
        });
    }

    /** Runs a query (or a statement with RETURNING); every row, its columns as JDBC gives them. */
    public List<Object[]> rows(String sql, List<?> parameters) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = prepare(c, sql, parameters); ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    private PreparedStatement prepare(java.sql.Connection c, String sql, List<?> parameters) throws SQLException {
        Plain p = plain.computeIfAbsent(sql, DirectSql::plain);
        PreparedStatement s = c.prepareStatement(p.sql());
        try {
            for (int i = 0; i < p.order().length; i++) {
                set(s, i + 1, parameters.get(p.order()[i]), Types.NULL);
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Binds one parameter: an {@link Instant} as a UTC timestamp, a null as SQL NULL of {@code nullType}. */
    static void set(PreparedStatement s, int index, Object value, int nullType) throws SQLException {
        if (value == null) {
            s.setNull(index, nullType);
        } else if (value instanceof Instant at) {
            s.setObject(index, at.atOffset(ZoneOffset.UTC));
        } else {
            s.setObject(index, value);
        }
    }

    /** {@code ?N} markers to JDBC's {@code ?}; plain {@code ?} markers read the parameters in order. */
    private static Plain plain(String sql) {
        Matcher m = NUMBERED.matcher(sql);
        List<Integer> order = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)) - 1);
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        if (order.isEmpty()) {
            int marks = (int) out.chars().filter(ch -> ch == '?').count();
            for (int i = 0; i < marks; i++) {
                order.add(i);
            }
        }
        return new Plain(out.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }
}
