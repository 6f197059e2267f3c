package dev.blindfold.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Regroups label rows, which arrive one annotator at a time, into one group per item, without holding
 * the project in memory. Each batch (one annotator's rows, or a source already in item order) is sorted
 * by item id and spilled to a temporary file as {@code itemId TAB json}; {@link #drain} merges the files
 * (a k-way merge) and hands over each item's rows together, in item id order, batches in the order
 * they were added, so an export is reproducible byte for byte. Memory: the largest
 * batch while it is sorted, plus one line per file while merging. Files are deleted on {@link #close}.
 * Plain Java.
 */
final class ItemSpool implements AutoCloseable {

    /** One item's rows, in batch order. */
    record Group(long itemId, List<Map<String, Object>> rows) {
    }

    private record Keyed(long itemId, String json) {
    }

    private record Head(long itemId, int file, String json, BufferedReader from) {
    }

    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final List<Path> files = new ArrayList<>();
    private final List<Keyed> batch = new ArrayList<>();

    ItemSpool(ObjectMapper json) {
        this.json = json;
    }

    /** Adds a row of the current batch; a row with text that is not valid Unicode is refused ({@link ExportText}). */
    void add(long itemId, Map<String, Object> row) {
        ExportText.require(row);
        try {
            batch.add(new Keyed(itemId, json.writeValueAsString(row)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the current batch: sorts it by item (stable) and writes it to its own file. */
    void endBatch() {
        if (batch.isEmpty()) {
            return;
        }
        batch.sort(Comparator.comparingLong(Keyed::itemId));
        try {
            Path file = Files.createTempFile("blindfold-export-", ".spool");
            files.add(file);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Keyed k : batch) {
                    out.write(Long.toString(k.itemId()));
                    out.write('\t');
                    out.write(k.json());
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }

    /** Merges every batch and hands each item's rows to {@code sink}, in item id order. */
    void drain(Consumer<Group> sink) {
        endBatch();
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::itemId).thenComparingInt(Head::file));
        List<BufferedReader> readers = new ArrayList<>();
        try {
            for (Path file : files) {
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                readers.add(reader);
                advance(reader, readers.size() - 1, heads);
            }
            long current = -1;
            List<Map<String, Object>> rows = new ArrayList<>();
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                if (head.itemId() != current && !rows.isEmpty()) {
                    sink.accept(new Group(current, rows));
                    rows = new ArrayList<>();
                }
                current = head.itemId();
                rows.add(json.readValue(head.json(), ROW));
                advance(head.from(), head.file(), heads);
            }
            if (!rows.isEmpty()) {
                sink.accept(new Group(current, rows));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            readers.forEach(ItemSpool::closeQuietly);
        }
    }

    private static void advance(BufferedReader reader, int file, PriorityQueue<Head> heads) throws IOException {
        String line = reader.readLine();
        if (line != null) {
            int tab = line.indexOf('\t');
            heads.add(new Head(Long.parseLong(line.substring(0, tab)), file, line.substring(tab + 1), reader));
        }
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // a temp file we are about to delete
        }
    }

    @Override
    public void close() {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the OS temp dir is cleaned eventually
            }
        }
        files.clear();
    }
}
