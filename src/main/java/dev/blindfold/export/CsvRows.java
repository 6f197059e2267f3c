package dev.blindfold.export;

import dev.blindfold.exposure.Similarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSONL row flattened for CSV: the same columns, prior exposure as {@code family=count;...} followed by
 * {@code prior_same_content} ({@code family=same_content;...}, families with none left out),
 * drafts as {@code draft_A_model, draft_A_family, ...} for every slot the project can show. Text
 * {@code label_order} and {@code draft_order} as JSON arrays of strings (labels and model names may hold commas). Text
 * cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are prefixed
 * with an apostrophe. Plain Java.
 */
public final class CsvRows {

    private static final List<String> DRAFT_FIELDS = List.of("model", "family", "version", "rating",
            "blind_" + Similarity.EDIT, "blind_" + Similarity.TOKEN_F1, "final_" + Similarity.EDIT, "final_" + Similarity.TOKEN_F1);

    /** The column after prior_exposure: its same_content counts, {@code family=n;...} for the families above 0. */
    static final String PRIOR_SAME_CONTENT = "prior_same_content";

    private static final com.fasterxml.jackson.databind.ObjectMapper ARRAYS = new com.fasterxml.jackson.databind.ObjectMapper();

    private CsvRows() {
    }

    static List<String> header(List<String> rowKeys, int slots) {
        List<String> header = new ArrayList<>();
        for (String key : rowKeys) {
            if (!key.equals("drafts")) {
                header.add(key);
            }
            if (key.equals("prior_exposure")) {
                header.add(PRIOR_SAME_CONTENT);
            }
        }
        for (int i = 0; i < slots; i++) {
            String slot = String.valueOf((char) ('A' + i));
            DRAFT_FIELDS.forEach(field -> header.add("draft_" + slot + "_" + field));
        }
        return header;
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Map<String, Object> row, int slots) {
        List<Object> values = new ArrayList<>();
        row.forEach((key, value) -> {
            if (key.equals("prior_exposure")) {
                List<String> parts = new ArrayList<>();
                List<String> same = new ArrayList<>();
                ((List<Map<String, Object>>) value).forEach(p -> {
                    parts.add(p.get("family") + "=" + p.get("count"));
                    if (p.get("same_content") instanceof Number n && n.intValue() > 0) {
                        same.add(p.get("family") + "=" + n);
                    }
                });
                values.add(neutralise(String.join(";", parts)));
                values.add(neutralise(String.join(";", same)));
            } else if (!key.equals("drafts") && value instanceof List<?> list) {
                values.add(neutralise(jsonArray(list)));
            } else if (!key.equals("drafts")) {
                values.add(value instanceof String s ? neutralise(s) : value);
            }
        });
        List<Map<String, Object>> drafts = (List<Map<String, Object>>) row.get("drafts");
        for (int i = 0; i < slots; i++) {
            Map<String, Object> draft = i < drafts.size() ? drafts.get(i) : Map.of();
            for (String field : DRAFT_FIELDS) {
                Object v = draft.get(field);
                values.add(v instanceof String s ? neutralise(s) : v);
            }
        }
        return values;
    }

    /** A list of strings as a JSON array. */
    private static String jsonArray(List<?> list) {
        try {
            return ARRAYS.writeValueAsString(list);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("export rows are JSON-serialisable", e);
        }
    }

    /** A row of any other shape (gold rows): lists and objects become JSON text; text cells are neutralised. */
    static List<Object> flat(Map<String, Object> row, com.fasterxml.jackson.databind.ObjectMapper json) {
        List<Object> values = new ArrayList<>();
        row.forEach((key, value) -> {
            Object cell = value;
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                try {
                    cell = json.writeValueAsString(value);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("export rows are JSON-serialisable", e);
                }
            }
            values.add(cell instanceof String s ? neutralise(s) : cell);
        });
        return values;
    }

    /** OWASP's advice for CSV injection: a leading apostrophe keeps the cell text. Also used by the audit CSVs. */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
