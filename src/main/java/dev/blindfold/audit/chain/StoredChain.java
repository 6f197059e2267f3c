package dev.blindfold.audit.chain;

import dev.blindfold.provenance.ChainPages;
import dev.blindfold.provenance.ProjectChains;
import dev.blindfold.provenance.chain.CanonicalBytes;
import dev.blindfold.provenance.chain.ChainFinding;
import dev.blindfold.provenance.chain.ChainFinding.Kind;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import dev.blindfold.provenance.chain.ChainVerifier;
import dev.blindfold.provenance.chain.ChainedEvent;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks one chain as the database stores it, up to its recorded head, with a {@link ChainVerifier} of its own, read a
 * page at a time ({@link ProjectChains#forEachRow}) and holding nothing per event.
 *
 * <p>The bytes hashed come from {@link CanonicalBytes}, which copies the stored payload verbatim. When that pass finds a
 * break, the chain is checked again with {@link EventChain#canonical}, the reference, and that verdict is reported: a
 * payload rewritten into another spelling of the same JSON verifies as it always did, and every finding is the one the
 * reference gives. An event type Blindfold never writes cannot be read as an event: the chain is reported CHANGED at
 * that seq and not read further.
 */
final class StoredChain {

    /** Events hash-checked (0 when a type was unreadable), the chain's findings, and whether a type was unreadable. */
    record Outcome(long events, List<ChainFinding> findings, boolean unknownType) {
    }

    private static final Map<String, EventType> TYPES = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private StoredChain() {
    }

    static Outcome check(ProjectChains chains, ChainHeadRef head, int pageSize) {
        Outcome fast = pass(chains, head, pageSize, new CanonicalBytes());
        return fast.findings().isEmpty() ? fast : pass(chains, head, pageSize, null);
    }

    static ChainFinding unknownType(ChainId chain, long seq) {
        return new ChainFinding(Kind.CHANGED, chain, seq, 0, "seq " + seq
                + " has an event type Blindfold never writes: its type was altered");
    }

    /** One pass over the chain; {@code writer} null checks with the reference canonical form only. */
    private static Outcome pass(ProjectChains chains, ChainHeadRef head, int pageSize, CanonicalBytes writer) {
        ChainId chain = head.chain();
        ChainVerifier verifier = new ChainVerifier(List.of(head));
        Set<Long> notUnicode = new HashSet<>();
        Long[] unknownAt = {null};
        chains.forEachRow(chain, head.length(), pageSize, row -> {
            EventType type = TYPES.get(row.getString(ChainPages.TYPE));
            if (type == null) {
                unknownAt[0] = row.getLong(ChainPages.SEQ);
                return false;
            }
            verifier.accept(chained(chain, row, type, writer, notUnicode));
            return true;
        });
        if (unknownAt[0] != null) {
            return new Outcome(0, List.of(unknownType(chain, unknownAt[0])), true);
        }
        ChainVerifier.Result result = verifier.finish();
        return new Outcome(result.events(), result.findings().stream().map(f -> explained(f, notUnicode)).toList(),
                false);
    }

    private static ChainedEvent chained(ChainId chain, ResultSet row, EventType type, CanonicalBytes writer,
                                        Set<Long> notUnicode) throws SQLException {
        long id = row.getLong(ChainPages.ID);
        long assignment = row.getLong(ChainPages.ASSIGNMENT_ID);
        Long assignmentId = row.wasNull() ? null : assignment;
        long seq = row.getLong(ChainPages.SEQ);
        EventChain.Entry entry = new EventChain.Entry(chain.projectId(), chain.actorId(), assignmentId, seq, type,
                instant(row, ChainPages.SERVER_TIME), instant(row, ChainPages.CLIENT_TIME),
                row.getBoolean(ChainPages.CLIENT_CLAIMED), row.getString(ChainPages.PAYLOAD));
        byte[] canonical = writer == null ? null : writer.of(entry);
        if (canonical == null) {
            canonical = reference(entry, id, notUnicode);
        }
        return new ChainedEvent(chain.projectId(), chain.actorId(), seq, row.getString(ChainPages.PREV_HASH),
                row.getString(ChainPages.HASH), canonical, id);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /**
     * The reference canonical bytes. A payload that is no longer JSON, or holds text that is not valid Unicode, yields
     * bytes that cannot match its hash, so the event is reported as changed; the ids of the latter are added to
     * {@code notUnicode}, for {@link #explained}.
     */
    private static byte[] reference(EventChain.Entry entry, long id, Set<Long> notUnicode) {
        try {
            return EventChain.utf8(EventChain.canonical(entry));
        } catch (IllegalArgumentException unreadable) {
            if (unreadable.getCause() instanceof CharacterCodingException) {
                notUnicode.add(id);
            }
            return ("not canonical: event " + id).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * A changed event whose text is not valid Unicode says so: older versions stored such text (a lone surrogate) and
     * hashed it with '?' in its place, so its hash cannot attest which text it holds, and the chain is not checked past
     * it.
     */
    private static ChainFinding explained(ChainFinding f, Set<Long> notUnicode) {
        if (f.kind() != Kind.CHANGED || !notUnicode.contains(f.position())) {
            return f;
        }
        return new ChainFinding(f.kind(), f.chain(), f.seq(), f.position(), "its text is not valid Unicode (a lone"
                + " surrogate, stored before such text was refused), which its hash cannot attest: older versions hashed"
                + " '?' in its place; the chain is not checked past it");
    }
}
