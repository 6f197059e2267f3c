package dev.blindfold.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.provenance.chain.ChainedEvent;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chains-only verification ({@link BundleVerifier#verifyChains}, framing lines with {@link EventFrame}) reads
 * every line as the full parse does and names every break of a chain as the full verification does.
 */
class ChainsOnlyVerifyTest {

    private static final Set<Kind> CHAIN_KINDS = Set.of(Kind.CHANGED, Kind.DELETED, Kind.INSERTED, Kind.REORDERED,
            Kind.TRUNCATED, Kind.MISSING_CHAIN, Kind.UNEXPECTED_CHAIN, Kind.PROJECT_MISMATCH);

    @TempDir
    Path dir;

    @Test
    void anIntactBundleVerifiesWithTheSameCountsAsTheFullVerification() throws IOException {
        Path bundle = bundle("intact");
        BundleVerification full = new BundleVerifier(null).verify(bundle);
        BundleVerification chains = new BundleVerifier(null).verifyChains(bundle);
        assertTrue(full.ok(), full.findings().toString());
        assertTrue(chains.ok(), chains.findings().toString());
        assertEquals(full.events(), chains.events());
        assertEquals(full.chains(), chains.chains());
        assertEquals(0, chains.labels());
        assertTrue(chains.summary().contains("files and exposure tags not checked"), chains.summary());
    }

    @Test
    void everyLineFramesToTheEventTheFullParseReads() throws Exception {
        List<String> lines = lines(bundle("frames"));
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] padded = ("junk\n" + lines.get(i) + "\n{\"more\":1}").getBytes(StandardCharsets.UTF_8);
            ChainedEvent expected = EventLine.parse(line, i + 1).chained();
            assertSame(expected, EventFrame.read(line, 0, line.length, i + 1));
            assertSame(expected, EventFrame.read(padded, 5, 5 + line.length, i + 1));
        }
    }

    @Test
    void aPayloadHoldingTheEventsOwnKeysDoesNotMisleadTheFrame() throws Exception {
        String canonical = EventChain.canonical(new EventChain.Entry(3, 4, 5L, 6, EventType.PASTE, Instant.parse("2026-01-01T00:00:00Z"),
                null, true, "{\"projectId\":99,\"seq\":98,\"x\":\",\\\"projectId\\\":97,\\\"seq\\\":96,\"}"));
        byte[] line = line(EventChain.GENESIS, EventChain.hash(EventChain.GENESIS, canonical), canonical);
        ChainedEvent read = EventFrame.read(line, 0, line.length, 1);
        assertSame(EventLine.parse(line, 1).chained(), read);
        assertEquals(3, read.projectId());
        assertEquals(6, read.seq());
    }

    @Test
    void linesOffTheWrittenFormatAreLeftToTheFullParse() {
        String canonical = EventChain.canonical(new EventChain.Entry(3, 4, 5L, 6, EventType.PASTE, Instant.parse("2026-01-01T00:00:00Z"),
                null, true, "{}"));
        String hash = EventChain.hash(EventChain.GENESIS, canonical);
        byte[] written = line(EventChain.GENESIS, hash, canonical);
        assertNotNull(EventFrame.read(written, 0, written.length, 1));
        for (String off : List.of(canonical.replace("\"seq\":6", "\"seq\":06"), canonical.replace("\"seq\":6", "\"seq\": 6"),
                canonical.replace("\"type\":\"PASTE\"", "\"type\":\"paste\""), canonical.replace("{\"actorId\":4", "{ \"actorId\":4"),
                canonical.replace("\"projectId\":3", "\"projectId\":-3"), canonical + " ", "{}", "")) {
            byte[] line = line(EventChain.GENESIS, hash, off);
            assertNull(EventFrame.read(line, 0, line.length, 1), off);
        }
        byte[] spaced = ("{\"prevHash\": \"" + EventChain.GENESIS + "\",\"hash\":\"" + hash + "\",\"event\":" + canonical + "}")
                .getBytes(StandardCharsets.UTF_8);
        assertNull(EventFrame.read(spaced, 0, spaced.length, 1));
        assertNull(EventFrame.read(new byte[0], 0, 0, 1));
    }

    @Test
    void tamperedLinesGiveTheChainFindingsOfTheFullVerification() throws IOException {
        List<UnaryOperator<List<String>>> attacks = List.of(
                l -> set(l, answer(l), l.get(answer(l)).replace("\"answer\":\"", "\"answer\":\"#")),
                l -> set(l, 11, "{\"not\":\"an event\"}"),
                l -> set(l, 12, l.get(12).replace("\"seq\":", "\"seq\": ")),
                l -> set(l, 13, l.get(13).replace("\"payload\":{", "\"payload\":{{")),
                l -> set(l, 14, ""),
                l -> remove(l, 15),
                l -> swap(l, 16, 17),
                l -> remove(l, l.size() - 1),
                l -> set(l, 20, l.get(20).replace("\"projectId\":1,", "\"projectId\":2,")));
        for (int a = 0; a < attacks.size(); a++) {
            Path bundle = bundle("attack-" + a);
            Path events = bundle.resolve(BundleManifest.EVENTS);
            Files.write(events, attacks.get(a).apply(lines(bundle)), StandardCharsets.UTF_8);
            List<String> full = chainFindings(new BundleVerifier(null).verify(bundle));
            BundleVerification chainsOnly = new BundleVerifier(null).verifyChains(bundle);
            assertFalse(chainsOnly.ok(), "attack " + a);
            assertFalse(full.isEmpty(), "attack " + a);
            assertEquals(full, chainFindings(chainsOnly), "attack " + a);
            if (a == 1) {
                assertTrue(chainsOnly.findings().get(0).detail().contains("not a well-formed event"), chainsOnly.findings().toString());
            }
        }
    }

    private Path bundle(String name) throws IOException {
        Path bundle = dir.resolve(name);
        SyntheticBundle.write(bundle, 600, 7);
        return bundle;
    }

    private static List<String> lines(Path bundle) throws IOException {
        return new ArrayList<>(Files.readAllLines(bundle.resolve(BundleManifest.EVENTS), StandardCharsets.UTF_8));
    }

    /** Kind, line, actor and seq of each chain finding (the detail of a line only the frame reads says less). */
    private static List<String> chainFindings(BundleVerification r) {
        return r.findings().stream().filter(f -> CHAIN_KINDS.contains(f.kind()))
                .map(f -> f.kind() + " line " + f.line() + " actor " + f.chain() + " seq " + f.seq()).toList();
    }

    private static byte[] line(String prev, String hash, String canonical) {
        return ("{\"prevHash\":\"" + prev + "\",\"hash\":\"" + hash + "\",\"event\":" + canonical + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static void assertSame(ChainedEvent expected, ChainedEvent actual) {
        assertNotNull(actual);
        assertEquals(List.of(expected.projectId(), expected.actorId(), expected.seq(), expected.prevHash(), expected.hash(), expected.position()),
                List.of(actual.projectId(), actual.actorId(), actual.seq(), actual.prevHash(), actual.hash(), actual.position()));
        assertArrayEquals(expected.canonical(), actual.canonical());
    }

    /** The first line from the 10th on that holds an answer. */
    private static int answer(List<String> lines) {
        for (int i = 10; ; i++) {
            if (lines.get(i).contains("\"answer\":\"")) {
                return i;
            }
        }
    }

    private static List<String> set(List<String> lines, int i, String line) {
        lines.set(i, line);
        return lines;
    }

    private static List<String> remove(List<String> lines, int i) {
        lines.remove(i);
        return lines;
    }

    private static List<String> swap(List<String> lines, int i, int j) {
        String at = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, at);
        return lines;
    }
}
