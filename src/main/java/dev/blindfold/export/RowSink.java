package dev.blindfold.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Where export rows go: JSON lines, one JSON array, or CSV. Closing flushes without closing the response stream. */
interface RowSink extends AutoCloseable {

    void accept(Map<String, Object> row);

    @Override
    void close() throws IOException;

    /** One JSON object per line. */
    static RowSink jsonl(ObjectMapper json, OutputStream out) throws IOException {
        JsonGenerator gen = json.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setRootValueSeparator(null);
        return new RowSink() {
            public void accept(Map<String, Object> row) {
                try {
                    json.writeValue(gen, row);
                    gen.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void close() throws IOException {
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
                try {
                    json.writeValue(gen, row);
                    gen.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void close() throws IOException {
                gen.writeEndArray();
                gen.writeRaw('\n');
                gen.close();
            }
        };
    }

    /** RFC 4180 CSV with a header row; {@code values} flattens a row into the header's columns. */
    static RowSink csv(OutputStream out, List<String> header, Function<Map<String, Object>, List<Object>> values)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(header);
        return new RowSink() {
            public void accept(Map<String, Object> row) {
                try {
                    printer.printRecord(values.apply(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void close() throws IOException {
                printer.flush();
            }
        };
    }
}
