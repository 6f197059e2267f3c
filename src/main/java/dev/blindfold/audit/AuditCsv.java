package dev.blindfold.audit;

import dev.blindfold.export.CsvRows;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit tables as RFC 4180 CSV with a header row: null cells are empty, text cells that a spreadsheet would
 * run as a formula are neutralised as in the label export ({@link CsvRows#neutralise}). Plain Java.
 */
final class AuditCsv {

    private AuditCsv() {
    }

    static <T> String write(List<String> header, List<T> rows, Function<T, List<Object>> cells) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (T row : rows) {
                List<Object> values = new ArrayList<>();
                for (Object cell : cells.apply(row)) {
                    values.add(cell == null ? "" : cell instanceof Number ? cell : CsvRows.neutralise(cell.toString()));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
