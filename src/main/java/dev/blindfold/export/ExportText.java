package dev.blindfold.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.web.UnicodeText;
import java.util.Map;

/**
 * Refuses to export a row holding text that is not valid Unicode (a lone surrogate stored before the API refused
 * them): JSON would carry it as a {@code \uD800} escape that many readers reject, and CSV would write {@code ?}, so
 * the file would not say what was stored. The export fails instead, naming the field and the label or item.
 * Plain Java.
 */
final class ExportText {

    /** A row that cannot be exported faithfully; the message names the field and the label or item, never the text. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    private ExportText() {
    }

    /** {@code row} is a map of plain values (a row) or a JSON tree (a Label Studio task). */
    static void require(Object row) {
        String where = UnicodeText.findIn(row, "");
        if (where != null) {
            throw new Malformed("the stored text at " + where + of(row) + " " + UnicodeText.NOT_UNICODE);
        }
    }

    /** As {@link #require(Object)}, for a row built from the label of {@code assignmentId} (a TRL pair). */
    static void require(Object row, long assignmentId) {
        String where = UnicodeText.findIn(row, "");
        if (where != null) {
            throw new Malformed("the stored text at " + where + " of assignment " + assignmentId + " "
                    + UnicodeText.NOT_UNICODE);
        }
    }

    /** " of assignment 17", " of item 'q-1'", or "" when the row names neither (or only in malformed text). */
    private static String of(Object row) {
        Object assignment = field(row, "assignment_id");
        if (assignment != null) {
            return " of assignment " + assignment;
        }
        Object item = field(row, "item_external_id");
        item = item == null ? field(row, "id") : item;
        return item instanceof String s && UnicodeText.isValid(s) ? " of item '" + s + "'" : "";
    }

    private static Object field(Object row, String name) {
        if (row instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (row instanceof JsonNode node && node.hasNonNull(name)) {
            JsonNode value = node.get(name);
            return value.isTextual() ? value.textValue() : value.toString();
        }
        return null;
    }
}
