package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.identity.User;
import dev.blindfold.provenance.BatchTimer.Timing;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Client event ingest against the database's own limit, not a timed test: run with
 * {@code ./mvnw -B verify -Pbench -Dtest=IngestBench} (H2 on disk) or {@code -Pbench,pg} (PostgreSQL).
 * K annotators ({@code bench.annotators}, 8) post batches of B events ({@code bench.batch}, 20) at once to
 * {@code POST /api/assignments/{aid}/events} with an API token (Bearer: one SHA-256 and one lookup a request, no
 * bcrypt), about {@code bench.events} (100,000) in all. The limit: the same rows read back from {@code events}
 * and inserted by K threads with plain batched JDBC into {@code events_raw} (same columns, keys, references and
 * indexes), B rows a batch, one transaction a batch. Between them, the in-process rate: the same batches
 * appended through {@link EventLog} in one transaction each, no HTTP. The table goes to
 * {@code bench/results/<date>-ingest.md}.
 */
@QuarkusTest
class IngestBench {

    private static final String[] KINDS = {"KEYSTROKES", "FOCUS_LOST", "FOCUS_RETURNED", "PASTE", "VISIBILITY_HIDDEN"};

    @Inject
    EventLog log;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void clientEventIngestAgainstRawBatchedJdbcInsertsOfTheSameRows() throws Exception {
        int k = Integer.getInteger("bench.annotators", 8);
        int b = Integer.getInteger("bench.batch", 20);
        int batchesEach = Math.max(1, Integer.getInteger("bench.events", 100_000) / (k * b));
        TestData.Fixture f = TestData.freeText(1, k, k, "REVEAL_AFTER_COMMIT");
        List<Long> assignments = new ArrayList<>();
        List<Long> actors = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String annotator : f.annotators()) {
            assignments.add(TestData.next(annotator, f.projectId()));
            actors.add(QuarkusTransaction.requiringNew().call(() -> User.byUsername(annotator).orElseThrow().id));
            tokens.add(Api.as(annotator).body(Map.of("name", "ingest bench")).post("/api/tokens").then().statusCode(201)
                    .extract().jsonPath().getString("token"));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BatchTimer.Batch post = (w, i) -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                            + "/api/assignments/" + assignments.get(w) + "/events"))
                    .header("Authorization", "Bearer " + tokens.get(w)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batchJson(i, b))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new AssertionError("batch refused: " + response.statusCode() + " " + response.body());
            }
        };
        int warmUp = Math.max(1, batchesEach / 10);
        BatchTimer.run("warm-up", k, warmUp, 0, post);
        RawEventInserts raw = new RawEventInserts(dataSource);
        raw.createTable();
        long seq = 1 + (long) warmUp * b;
        copyRaw(raw, f.projectId(), actors, 0, seq, b, "warm-up");
        // Rounds interleave the three paths, so load from elsewhere on the machine falls on all of them alike.
        int rounds = Math.min(batchesEach, Integer.getInteger("bench.rounds", 5));
        int perRound = batchesEach / rounds;
        Timing viaHttp = null;
        Timing viaJdbc = null;
        Timing inProcess = null;
        for (int r = 0; r < rounds; r++) {
            int offset = r * perRound;
            viaHttp = BatchTimer.run("`POST /api/assignments/{aid}/events` (HTTP, token)", k, perRound,
                    (long) k * perRound * b, (w, i) -> post.run(w, offset + i)).plus(viaHttp);
            viaJdbc = copyRaw(raw, f.projectId(), actors, seq, seq + (long) perRound * b, b,
                    "raw batched JDBC insert of the same rows into `events_raw`").plus(viaJdbc);
            inProcess = BatchTimer.run("`EventLog` in one transaction a batch (no HTTP)", k, perRound,
                    (long) k * perRound * b, (w, i) -> QuarkusTransaction.requiringNew().run(() -> appendBatch(f.projectId(),
                            actors.get(w), assignments.get(w), offset + i, b))).plus(inProcess);
            seq += 2L * perRound * b;
        }
        assertEquals((long) k * (seq - (long) rounds * perRound * b), raw.count(), "every row copied once");
        for (long actor : actors) {
            assertEquals(seq, raw.chain(f.projectId(), actor, 0, Long.MAX_VALUE).size(), "every accepted event is in its chain");
        }
        assertTrue(Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(200)
                .extract().jsonPath().getBoolean("ok"), "the chains verify");
        report(k, b, rounds, List.of(viaHttp, inProcess, viaJdbc), viaJdbc);
    }

    /** Copies each chain's rows with seq in {@code (afterSeq, upToSeq]} into {@code events_raw}, K threads, B rows a batch. */
    private static Timing copyRaw(RawEventInserts raw, long projectId, List<Long> actors, long afterSeq, long upToSeq, int b,
                                  String path) throws Exception {
        List<List<List<RawEventInserts.Row>>> batches = new ArrayList<>();
        long rows = 0;
        for (long actor : actors) {
            List<RawEventInserts.Row> chain = raw.chain(projectId, actor, afterSeq, upToSeq);
            rows += chain.size();
            List<List<RawEventInserts.Row>> own = new ArrayList<>();
            for (int from = 0; from < chain.size(); from += b) {
                own.add(chain.subList(from, Math.min(chain.size(), from + b)));
            }
            batches.add(own);
        }
        return BatchTimer.run(path, actors.size(), batches.get(0).size(), rows,
                (w, i) -> raw.insertBatch(batches.get(w).get(i)));
    }

    /** What a client batch becomes in {@link ClientEvents}: B client-claimed events of one assignment. */
    private void appendBatch(long projectId, long actorId, long assignmentId, int index, int b) {
        List<NewEvent> batch = new ArrayList<>(b);
        for (int j = 0; j < b; j++) {
            EventType type = EventType.valueOf(KINDS[j % KINDS.length]);
            batch.add(new NewEvent(projectId, actorId, assignmentId, type, Instant.ofEpochMilli(1_780_000_000_000L
                    + index * 1000L + j), payload(type, index, j)));
        }
        log.append(batch);
    }

    private static Map<String, Object> payload(EventType type, int index, int j) {
        return switch (type) {
            case KEYSTROKES -> Map.of("count", index + j);
            case PASTE -> Map.of("chars", j * 7);
            default -> Map.of();
        };
    }

    private static String batchJson(int index, int b) {
        StringBuilder json = new StringBuilder("[");
        for (int j = 0; j < b; j++) {
            String type = KINDS[j % KINDS.length];
            String data = switch (type) {
                case "KEYSTROKES" -> ",\"data\":{\"count\":" + (index + j) + "}";
                case "PASTE" -> ",\"data\":{\"chars\":" + (j * 7) + "}";
                default -> "";
            };
            json.append(j == 0 ? "" : ",").append("{\"type\":\"").append(type).append("\",\"clientTime\":")
                    .append(1_780_000_000_000L + index * 1000L + j).append(data).append('}');
        }
        return json.append(']').toString();
    }

    private void report(int k, int b, int rounds, List<Timing> timings, Timing limit) throws Exception {
        String database;
        try (var c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n### Event ingest (%s, %s, %d cores,"
                        + " %d annotators at once, %d events a batch, the paths interleaved in %d rounds)%n%n", LocalDate.now(),
                database, Runtime.getRuntime().availableProcessors(), k, b, rounds));
        table.append("| path | events | s | events/s | × raw JDBC | p50 ms/batch | p99 ms/batch |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Timing t : timings) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f | %.2f | %.2f |%n", t.path(), t.events(),
                    t.seconds(), t.perSecond(), t.perSecond() / limit.perSecond(), t.percentileMs(0.50),
                    t.percentileMs(0.99)));
        }
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-ingest.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
