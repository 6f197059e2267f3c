package dev.blindfold.audit.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The files of a bundle, from a zip (read by entry, in any order) or from a directory holding the same files. */
interface BundleContents extends Closeable {

    /** The bundle's file names (directories ignored). */
    List<String> names();

    /** A fresh stream of one file's bytes, or null when the bundle has no such file. */
    InputStream open(String name) throws IOException;

    static BundleContents open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Directory(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + " is neither a file nor a directory");
        }
        return new Zip(new ZipFile(path.toFile()));
    }

    final class Zip implements BundleContents {
        private final ZipFile zip;

        Zip(ZipFile zip) {
            this.zip = zip;
        }

        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
            return names;
        }

        public InputStream open(String name) throws IOException {
            ZipEntry e = zip.getEntry(name);
            return e == null || e.isDirectory() ? null : zip.getInputStream(e);
        }

        public void close() throws IOException {
            zip.close();
        }
    }

    final class Directory implements BundleContents {
        private final Path dir;

        Directory(Path dir) {
            this.dir = dir;
        }

        public List<String> names() {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        public InputStream open(String name) throws IOException {
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }

        public void close() {
        }
    }
}
