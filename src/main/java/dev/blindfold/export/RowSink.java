package dev.blindfold.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Where export rows go: JSON lines, one JSON array, or CSV. Every row is checked for text that is not valid Unicode
 * before it is written ({@link ExportText}). {@link #finish} writes what ends a well-formed payload (the array's
 * {@code ]}) and flushes; a failed export never calls it, so its payload is never well-formed by accident (closing a
 * JSON generator would also end its open array). Nothing here closes the response stream.
 */
interface RowSink {

    void accept(Map<String, Object> row);

    /** Sends what was written so far (the header, the opening bracket) on to the client. */
    void flush() throws IOException;

    /** Ends the payload and flushes it: only for an export that wrote every row. */
    void finish() throws IOException;

    /** One JSON object per line. */
    static RowSink jsonl(ObjectMapper json, OutputStream out) throws IOException {
        JsonGenerator gen = json.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setRootValueSeparator(null);
        return new RowSink() {
            public void accept(Map<String, Object> row) {
                ExportText.require(row);
                try {
                    json.writeValue(gen, row);
                    gen.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void flush() throws IOException {
                gen.flush();
            }

            public void finish() throws IOException {
                gen.close();
            }
        };
    }

    /** One JSON array of objects, written as the rows come, one per line (so progress can count lines). */
    static RowSink jsonArray(ObjectMapper json, OutputStream out) throws IOException {
        JsonGenerator gen = json.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.writeStartArray();
        return new RowSink() {
            public void accept(Map<String, Object> row) {
                ExportText.require(row);
                try {
                    json.writeValue(gen, row);
                    gen.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void flush() throws IOException {
                gen.flush();
            }

            public void finish() throws IOException {
                gen.writeEndArray();
                gen.writeRaw('\n');
                gen.close();
            }
        };
    }

    /**
     * RFC 4180 CSV with a header row; {@code values} flattens a row into the header's columns. The encoder refuses
     * text that is not valid Unicode rather than writing {@code ?} for it (the default of a Writer).
     */
    static RowSink csv(OutputStream out, List<String> header, Function<Map<String, Object>, List<Object>> values)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(header);
        return new RowSink() {
            public void accept(Map<String, Object> row) {
                ExportText.require(row);
                try {
                    printer.printRecord(values.apply(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void flush() throws IOException {
                printer.flush();
            }

            public void finish() throws IOException {
                printer.flush();
            }
        };
    }
}
