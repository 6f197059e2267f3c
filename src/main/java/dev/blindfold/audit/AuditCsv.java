package dev.blindfold.audit;

import dev.blindfold.export.CsvRows;
import dev.blindfold.web.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit tables as RFC 4180 CSV with a header row: null cells are empty, text cells that a spreadsheet would
 * run as a formula are neutralised as in the label export ({@link CsvRows#neutralise}). Plain Java.
 */
public final class AuditCsv {

    private AuditCsv() {
    }

    /**
     * Whether {@code format} asks for CSV: {@code csv}, or {@code json}/absent for JSON; anything else is a 400
     * {@code invalid-format}, raised before any data is read.
     */
    public static boolean wanted(String format) {
        if (format == null || format.isEmpty() || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw ProblemException.badRequest("invalid-format", "format must be 'json' (the default) or 'csv'.");
    }

    /** The rows as JSON, or as a CSV attachment named {@code fileName}. */
    public static <T> Response answer(boolean csv, String fileName, List<String> header, List<T> rows,
                               Function<T, List<Object>> cells) {
        if (!csv) {
            return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(write(header, rows, cells), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    public static <T> String write(List<String> header, List<T> rows, Function<T, List<Object>> cells) {
        StringWriter out = new StringWriter();
        print(out, header, rows::forEach, cells);
        return out.toString();
    }

    /** Writes the rows {@code rows} hands on, as they come, to {@code out} (UTF-8); does not close it. */
    public static <T> void stream(OutputStream out, List<String> header, Consumer<Consumer<T>> rows,
                           Function<T, List<Object>> cells) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        print(writer, header, rows, cells);
        writer.flush();
    }

    private static <T> void print(Appendable out, List<String> header, Consumer<Consumer<T>> rows,
                                  Function<T, List<Object>> cells) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(header);
            rows.accept(row -> {
                List<Object> values = new ArrayList<>();
                for (Object cell : cells.apply(row)) {
                    values.add(cell == null ? "" : cell instanceof Number ? cell : CsvRows.neutralise(cell.toString()));
                }
                try {
                    printer.printRecord(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
