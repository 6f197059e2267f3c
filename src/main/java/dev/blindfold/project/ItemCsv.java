package dev.blindfold.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.project.ItemLines.ItemLine;
import dev.blindfold.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Items from CSV (RFC 4180, header row, UTF-8): columns {@code externalId}, {@code input}, optional
 * {@code metadata} (a JSON object) and drafts as {@code draft_1_model, draft_1_family, draft_1_version,
 * draft_1_text, draft_2_...}. Commons CSV reads one record at a time from the stream; a record
 * becomes the NDJSON shape and is checked by {@link ItemLines}, so errors read the same, and goes to
 * the caller's sink at once. Line numbers are the CSV's physical lines. Plain Java.
 */
public final class ItemCsv {

    private static final Pattern DRAFT_COLUMN = Pattern.compile("draft_(\\d+)_(model|family|version|text)");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ObjectMapper json;
    private final ItemLines lines;

    public ItemCsv(ObjectMapper json) {
        this.json = json;
        this.lines = new ItemLines(json);
    }

    /** Reads the whole stream, handing each checked item to {@code sink} in file order; does not close it. */
    public void read(InputStream in, Consumer<ItemLine> sink) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        ExternalIds ids = new ExternalIds("line");
        CSVParser parser = open(reader(in), format);
        List<String> header = parser.getHeaderNames();
        if (!header.contains("externalId") || !header.contains("input")) {
            throw ProblemException.badLine(1, "the header must name the columns externalId and input.");
        }
        Iterator<CSVRecord> records = parser.iterator();
        while (hasNext(records, parser)) {
            CSVRecord record = records.next();
            int line = (int) parser.getCurrentLineNumber();
            if (record.size() != header.size()) {
                throw ProblemException.badLine(line, "expected " + header.size() + " cells, found " + record.size() + ".");
            }
            ItemLine item = lines.fromNode(line, toNode(record, header, line));
            ids.add(item);
            sink.accept(item);
        }
        ids.requireAny();
    }

    /** The parser is not closed by the caller: closing it would close the request body, which its owner does. */
    private static CSVParser open(Reader reader, CSVFormat format) {
        try {
            return CSVParser.parse(reader, format);
        } catch (CSVException e) {
            throw ProblemException.badLine(1, "the header is not valid CSV (" + e.getMessage() + ").");
        } catch (CharacterCodingException e) {
            throw ProblemException.badLine(1, "not valid UTF-8.");
        } catch (IllegalArgumentException e) {
            throw ProblemException.badLine(1, "the header repeats a column name or leaves a column unnamed.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A malformed record (an open quote, say) names its line; a failing transport stays an I/O failure. */
    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw ProblemException.badLine((int) parser.getCurrentLineNumber() + 1, "not valid UTF-8.");
            }
            if (e.getCause() instanceof CSVException bad) {
                throw ProblemException.badLine((int) parser.getCurrentLineNumber(), "not valid CSV (" + bad.getMessage() + ").");
            }
            throw e;
        } catch (IllegalStateException e) {
            throw ProblemException.badLine((int) parser.getCurrentLineNumber(), "not valid CSV.");
        }
    }

    /** UTF-8 text of the stream without a leading byte-order mark (spreadsheets like to write one). */
    private static Reader reader(InputStream in) {
        PushbackReader reader = new PushbackReader(Utf8Lines.strict(in), 1);
        try {
            int first = reader.read();
            if (first != -1 && first != BYTE_ORDER_MARK) {
                reader.unread(first);
            }
        } catch (CharacterCodingException e) {
            throw ProblemException.badLine(1, "not valid UTF-8.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
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

    private JsonNode metadata(String value, int line) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw ProblemException.badLine(line, "metadata is not valid JSON.");
        }
    }
}
