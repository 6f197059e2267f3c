package dev.blindfold.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.identity.User;
import dev.blindfold.provenance.ChainPages;
import dev.blindfold.provenance.chain.ChainId;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.provenance.chain.Hex;
import dev.blindfold.support.Api;
import dev.blindfold.support.BulkLabels;
import dev.blindfold.support.TestData;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Database verify benchmark, not a timed test: run with {@code ./mvnw -B verify -Pbench,pg -Dtest=DatabaseVerifyBench}
 * (PostgreSQL; {@code -Pbench} alone runs it on H2 on disk). Seeds {@code bench.labels} labels (default 272,500, which
 * is about 1,000,000 events) of 8 annotators with batched JDBC ({@link BulkLabels}, real hashes), then times, each best
 * of {@code bench.repeat} (2) runs, interleaved:
 * <ul>
 *   <li>the database verify end to end ({@link ChainAudit#verify}: its transaction, every chain, the tails past each
 *       head and the committed-assignment cross-check);</li>
 *   <li>the limit: the same page query ({@link ChainPages#PAGE}, same page size, chain after chain up to each head) on
 *       one connection, every column read as the driver hands it, and one SHA-256 per event over exactly as many
 *       bytes as the chain rule hashes for it (prevHash's 32 bytes, decoded, then as many bytes as its canonical
 *       form, measured untimed beforehand; SHA-256 costs the same whatever the bytes).</li>
 * </ul>
 * Prints the ratio of the rates (goal at least 0.5) and appends the table to {@code bench/results/<date>-verify-db.md}.
 */
@QuarkusTest
class DatabaseVerifyBench {

    @Inject
    DataSource dataSource;

    @Inject
    ChainAudit audit;

    @Inject
    BlindfoldConfig config;

    @Test
    void verifyAMillionEventsAgainstShaOfTheSameRows() throws Exception {
        int labels = Integer.getInteger("bench.labels", 272_500);
        int repeat = Integer.getInteger("bench.repeat", 2);
        int pageSize = config.audit().verifyPageSize();
        String ops = TestData.user("ops");
        long projectId = Api.as(ops).body(Map.of("name", TestData.unique("verify bench"), "taskType", "FREE_TEXT",
                "overlap", 1, "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> annotators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = TestData.user("annotator");
            Api.as(ops).body(Map.of("username", name)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
            annotators.add(QuarkusTransaction.requiringNew().call(() -> User.byUsername(name).orElseThrow().id));
        }
        long seedStart = System.nanoTime();
        BulkLabels.Written written = new BulkLabels(dataSource).write(projectId, annotators, labels, 1);
        double seed = (System.nanoTime() - seedStart) / 1e9;
        System.out.printf(Locale.ROOT, "bench: seeded %,d events in %.1f s%n", written.events(), seed);
        int[] lengths = canonicalLengths(projectId, annotators, pageSize, written.events());

        double verify = Double.MAX_VALUE;
        double limit = Double.MAX_VALUE;
        for (int i = 0; i < repeat; i++) {
            verify = Math.min(verify, seconds(() -> {
                ChainAudit.Verification v = audit.verify(projectId);
                assertTrue(v.ok(), v.findings().toString());
                assertEquals(written.events(), v.events());
                return null;
            }));
            limit = Math.min(limit, seconds(() -> {
                assertEquals(written.events(), hashRows(projectId, annotators, pageSize, lengths));
                return null;
            }));
            System.out.printf(Locale.ROOT, "bench: round %d: verify %.2f s, limit %.2f s%n", i + 1, verify, limit);
        }
        report(written, seed, pageSize, repeat, verify, limit, lengths);
    }

    /** Each event's canonical length, in the order the limit reads them (untimed). */
    private int[] canonicalLengths(long projectId, List<Long> annotators, int pageSize, int events) throws SQLException {
        int[] lengths = new int[events];
        int[] at = {0};
        forEachRow(projectId, annotators, pageSize, chain -> row -> {
            OffsetDateTime client = row.getObject(ChainPages.CLIENT_TIME, OffsetDateTime.class);
            long assignment = row.getLong(ChainPages.ASSIGNMENT_ID);
            lengths[at[0]++] = EventChain.utf8(EventChain.canonical(new EventChain.Entry(projectId, chain.actorId(),
                    row.wasNull() ? null : assignment,
                    row.getLong(ChainPages.SEQ), EventType.valueOf(row.getString(ChainPages.TYPE)),
                    row.getObject(ChainPages.SERVER_TIME, OffsetDateTime.class).toInstant(),
                    client == null ? null : client.toInstant(), row.getBoolean(ChainPages.CLIENT_CLAIMED),
                    row.getString(ChainPages.PAYLOAD)))).length;
            return true;
        });
        return lengths;
    }

    /** The limit: every row by the same page query, one SHA-256 per event over as many bytes as the chain rule hashes. */
    private long hashRows(long projectId, List<Long> annotators, int pageSize, int[] lengths) throws Exception {
        MessageDigest sha = EventChain.sha256();
        byte[] prev = new byte[32];
        byte[] out = new byte[32];
        byte[] body = new byte[Math.max(1, java.util.Arrays.stream(lengths).max().orElse(1))];
        long[] equal = {0};
        int[] at = {0};
        forEachRow(projectId, annotators, pageSize, chain -> row -> {
            row.getLong(ChainPages.ID);
            row.getString(ChainPages.ASSIGNMENT_ID);
            row.getLong(ChainPages.SEQ);
            row.getString(ChainPages.TYPE);
            row.getString(ChainPages.SERVER_TIME);
            row.getString(ChainPages.CLIENT_TIME);
            row.getBoolean(ChainPages.CLIENT_CLAIMED);
            row.getString(ChainPages.PAYLOAD);
            Hex.decode(row.getString(ChainPages.PREV_HASH), prev);
            sha.update(prev);
            sha.update(body, 0, lengths[at[0]++]);
            try {
                sha.digest(out, 0, 32);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            equal[0] += Hex.equals(out, row.getString(ChainPages.HASH)) ? 1 : 0; // compared as the verifier does
            return true;
        });
        assertEquals(0, equal[0], "the limit hashes stand-in bytes, so no hash can match");
        return at[0];
    }

    /** Every chain of the bench's annotators up to its recorded head, on one connection in one transaction. */
    private void forEachRow(long projectId, List<Long> annotators, int pageSize, Function<ChainId, ChainPages.Rows> rows)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (long actor : annotators.stream().sorted().toList()) {
                ChainId chain = new ChainId(projectId, actor);
                ChainPages.read(c, chain, head(c, chain), pageSize, rows.apply(chain));
            }
            c.commit();
        }
    }

    private static long head(Connection c, ChainId chain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq FROM chain_heads WHERE project_id = ? AND actor_id = ?")) {
            s.setLong(1, chain.projectId());
            s.setLong(2, chain.actorId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private void report(BulkLabels.Written written, double seed, int pageSize, int repeat, double verify, double limit,
                        int[] lengths) throws Exception {
        String database;
        try (Connection c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        long bytes = 32L * lengths.length + java.util.Arrays.stream(lengths).asLongStream().sum();
        long n = written.events();
        String table = String.format(Locale.ROOT, """

                ### Database verify of %,d events in 8 chains (%s, %s, %d cores shared, heap limit %d MB, best of %d)

                Seeded by batched JDBC in %.1f s (%,d labels). Page size %,d. The limit reads the same rows by the same
                page query and hashes %.0f MB: one SHA-256 per event over as many bytes as the chain rule hashes.

                | pass | s | events/s | rate ÷ limit |
                |---|---:|---:|---:|
                | limit: page query + SHA-256 per event | %.2f | %,.0f | 1.00 |
                | `ChainAudit.verify` (`/audit/verify`) end to end | %.2f | %,.0f | %.2f |
                """, n, LocalDate.now(), database, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, repeat, seed, written.labels(), pageSize, bytes / 1e6,
                limit, n / limit, verify, n / verify, limit / verify);
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-verify-db.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static double seconds(Callable<?> run) throws Exception {
        long t0 = System.nanoTime();
        run.call();
        return (System.nanoTime() - t0) / 1e9;
    }
}
