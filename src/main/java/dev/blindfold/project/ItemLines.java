package dev.blindfold.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses an NDJSON item upload, one item a line, and checks every field. The first bad line
 * fails the whole file with its 1-based line number. Plain Java: no database, no Quarkus.
 */
public final class ItemLines {

    public record DraftLine(String model, String family, String version, String text) {
    }

    public record ItemLine(int line, String externalId, String input, String metadata, List<DraftLine> drafts) {
    }

    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_SHORT = 200;

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

    /** Refuses a file that repeats an externalId, naming the line of the repeat. */
    void checkUnique(List<ItemLine> items) {
        Set<String> seen = new HashSet<>();
        for (ItemLine item : items) {
            if (!seen.add(item.externalId())) {
                throw bad(item.line(), "externalId '" + item.externalId() + "' appears twice in this file.");
            }
        }
        if (items.isEmpty()) {
            throw ProblemException.badRequest("empty-import", "The upload holds no items.");
        }
    }

    public List<ItemLine> parse(String body) {
        if (body != null && body.stripLeading().startsWith("[")) {
            throw ProblemException.badRequest("bad-import", "This is a JSON array, not NDJSON: send a Label Studio"
                    + " tasks export with ?format=label-studio, or one item object a line.");
        }
        List<ItemLine> items = new ArrayList<>();
        String[] lines = body == null ? new String[0] : body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                items.add(parseLine(i + 1, lines[i]));
            }
        }
        checkUnique(items);
        return items;
    }

    private ItemLine parseLine(int line, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProblemException.badLine(line, "not valid JSON (" + e.getOriginalMessage() + ").");
        }
        return fromNode(line, node);
    }

    /** Checks one item in the NDJSON shape (also what a CSV record is turned into). */
    ItemLine fromNode(int line, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw bad(line, "expected a JSON object.");
        }
        String externalId = text(node, "externalId", line, MAX_EXTERNAL_ID);
        String input = text(node, "input", line, Integer.MAX_VALUE);
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
                        text(draft, "text", line, Integer.MAX_VALUE, at)));
            }
        }
        String meta = metadata == null || metadata.isNull() ? null : metadata.toString();
        return new ItemLine(line, externalId, input, meta, List.copyOf(draftLines));
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
        return s;
    }

    private ProblemException bad(int number, String detail) {
        return ProblemException.badRecord(noun, number, detail);
    }
}
