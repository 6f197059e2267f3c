package dev.blindfold.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.project.ItemLines.ItemLine;
import dev.blindfold.web.ProblemException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Items from CSV (RFC 4180, header row): columns {@code externalId}, {@code input}, optional
 * {@code metadata} (a JSON object) and drafts as {@code draft_1_model, draft_1_family, draft_1_version,
 * draft_1_text, draft_2_...}. A record becomes the NDJSON shape and is checked by {@link ItemLines},
 * so errors read the same; line numbers are the CSV's physical lines. Plain Java.
 */
public final class ItemCsv {

    private static final Pattern DRAFT_COLUMN = Pattern.compile("draft_(\\d+)_(model|family|version|text)");

    private final ObjectMapper json;
    private final ItemLines lines;

    public ItemCsv(ObjectMapper json) {
        this.json = json;
        this.lines = new ItemLines(json);
    }

    public List<ItemLine> parse(String body) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
        List<ItemLine> items = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body == null ? "" : body), format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("externalId") || !header.contains("input")) {
                throw ProblemException.badLine(1, "the header must name the columns externalId and input.");
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getParser().getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw ProblemException.badLine(line, "expected " + header.size() + " cells, found " + record.size() + ".");
                }
                items.add(lines.fromNode(line, toNode(record, header, line)));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-csv", "The upload is not valid CSV: " + e.getMessage());
        }
        lines.checkUnique(items);
        return items;
    }

    private ObjectNode toNode(CSVRecord record, List<String> header, int line) {
        ObjectNode node = json.createObjectNode();
        Map<Integer, ObjectNode> drafts = new TreeMap<>();
        for (String column : header) {
            String value = record.get(column);
            Matcher draft = DRAFT_COLUMN.matcher(column);
            if (draft.matches()) {
                if (!value.isEmpty()) {
                    drafts.computeIfAbsent(Integer.valueOf(draft.group(1)), n -> json.createObjectNode()).put(draft.group(2), value);
                }
            } else if (column.equals("metadata")) {
                if (!value.isBlank()) {
                    node.set("metadata", metadata(value, line));
                }
            } else if (!value.isEmpty()) {
                node.put(column, value);
            }
        }
        ArrayNode list = node.putArray("drafts");
        drafts.values().forEach(list::add);
        return node;
    }

    private com.fasterxml.jackson.databind.JsonNode metadata(String value, int line) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw ProblemException.badLine(line, "metadata is not valid JSON.");
        }
    }
}
