package dev.blindfold.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.ProblemException;
import dev.blindfold.web.UnicodeText;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses an NDJSON item upload, one item a line, and checks every field. Lines are read from the
 * stream one at a time and each item goes to the caller's sink as soon as it is checked, so neither
 * the file nor its items are held (only their externalIds, see {@link ExternalIds}). The first bad
 * line fails the whole file with its 1-based line number. Plain Java: no database, no Quarkus.
 */
public final class ItemLines {

    public record DraftLine(String model, String family, String version, String text) {
    }

    /** {@code gold}: the item's known answer when the file gives one (a gold item), else null. */
    public record ItemLine(int line, String externalId, String input, String metadata, List<DraftLine> drafts,
                           String gold) {
    }

    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_SHORT = 200;
    /** Longest input, draft text or metadata: the columns are varchar(1000000). */
    static final int MAX_TEXT = 1_000_000;
    /** Longest NDJSON line: an item with its drafts; refused before it fills the heap. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final ObjectMapper json;
    private final String noun;

    public ItemLines(ObjectMapper json) {
        this(json, "line");
    }

    /** {@code noun} names a record in errors: "line" for NDJSON and CSV, "task" for Label Studio. */
    ItemLines(ObjectMapper json, String noun) {
        this.json = json;
        this.noun = noun;
    }

    /** Reads the whole stream, handing each checked item to {@code sink} in file order; does not close it. */
    public void read(InputStream in, Consumer<ItemLine> sink) {
        Utf8Lines lines = new Utf8Lines(in, MAX_LINE, noun);
        ExternalIds ids = new ExternalIds(noun);
        boolean first = true;
        for (String text = lines.next(); text != null; text = lines.next()) {
            if (text.isBlank()) {
                continue;
            }
            if (first && text.stripLeading().startsWith("[")) {
                throw ProblemException.badRequest("bad-import", "This is a JSON array, not NDJSON: send a Label Studio"
                        + " tasks export with ?format=label-studio, or one item object a line.");
            }
            first = false;
            ItemLine item = parseLine(lines.number(), text);
            ids.add(item);
            sink.accept(item);
        }
        ids.requireAny();
    }

    private ItemLine parseLine(int line, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProblemException.badLine(line,
                    "not valid JSON (" + UnicodeText.parserMessage(e.getOriginalMessage()) + ").");
        }
        return fromNode(line, node);
    }

    /** Checks one item in the NDJSON shape (also what a CSV record is turned into). */
    ItemLine fromNode(int line, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw bad(line, "expected a JSON object.");
        }
        requireUnicode(node, line);
        String externalId = text(node, "externalId", line, MAX_EXTERNAL_ID);
        String input = text(node, "input", line, MAX_TEXT);
        JsonNode metadata = node.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw bad(line, "metadata must be a JSON object.");
        }
        JsonNode drafts = node.get("drafts");
        if (drafts != null && !drafts.isNull() && !drafts.isArray()) {
            throw bad(line, "drafts must be an array.");
        }
        List<DraftLine> draftLines = new ArrayList<>();
        if (drafts != null && drafts.isArray()) {
            for (int d = 0; d < drafts.size(); d++) {
                JsonNode draft = drafts.get(d);
                String at = "drafts[" + d + "].";
                if (!draft.isObject()) {
                    throw bad(line, at.substring(0, at.length() - 1) + " must be an object.");
                }
                draftLines.add(new DraftLine(
                        text(draft, "model", line, MAX_SHORT, at),
                        text(draft, "family", line, MAX_SHORT, at),
                        text(draft, "version", line, MAX_SHORT, at),
                        text(draft, "text", line, MAX_TEXT, at)));
            }
        }
        String meta = metadata == null || metadata.isNull() ? null : metadata.toString();
        if (meta != null && meta.length() > MAX_TEXT) {
            throw bad(line, "metadata is longer than " + MAX_TEXT + " characters.");
        }
        String gold = node.hasNonNull("gold") ? text(node, "gold", line, MAX_TEXT) : null;
        return new ItemLine(line, externalId, input, meta, List.copyOf(draftLines), gold);
    }

    /** Every text of the record, its keys too, is valid Unicode (see {@link UnicodeText}). */
    void requireUnicode(JsonNode node, int line) {
        String malformed = UnicodeText.findIn(node, "");
        if (malformed != null) {
            throw bad(line, malformed + " " + UnicodeText.NOT_UNICODE + ".");
        }
    }

    private String text(JsonNode node, String field, int line, int max) {
        return text(node, field, line, max, "");
    }

    private String text(JsonNode node, String field, int line, int max, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw bad(line, prefix + field + " is missing.");
        }
        if (!value.isTextual()) {
            throw bad(line, prefix + field + " must be a string.");
        }
        String s = value.asText();
        if (s.isBlank()) {
            throw bad(line, prefix + field + " is empty.");
        }
        if (s.length() > max) {
            throw bad(line, prefix + field + " is longer than " + max + " characters.");
        }
        if (s.indexOf('\u0000') >= 0) {
            throw bad(line, prefix + field + " contains a NUL character (\\u0000), which text may not hold.");
        }
        return s;
    }

    private ProblemException bad(int number, String detail) {
        return ProblemException.badRecord(noun, number, detail);
    }
}
