package dev.blindfold.project;

import dev.blindfold.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of UTF-8 text read from a stream one at a time, so an upload is never held whole. A line
 * longer than {@code maxChars} is refused as soon as it gets that long (an upload without line
 * breaks would otherwise be one line as large as the file). A leading byte-order mark is skipped;
 * "\r\n" and "\n" both end a line. Transport failures surface as {@link UncheckedIOException}.
 */
final class Utf8Lines {

    private final Reader in;
    private final int maxChars;
    private final String noun;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int number;
    private boolean started;

    Utf8Lines(InputStream in, int maxChars, String noun) {
        this.in = strict(in);
        this.maxChars = maxChars;
        this.noun = noun;
    }

    /** A reader that fails on bytes that are not UTF-8 instead of replacing them with U+FFFD unnoticed. */
    static Reader strict(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Number of the line last returned by {@link #next()}, 1-based. */
    int number() {
        return number;
    }

    /** The next line without its line break, or null at the end of the stream. */
    String next() {
        StringBuilder line = new StringBuilder();
        boolean any = false;
        while (fill()) {
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (line.length() + position - start > maxChars) {
                throw ProblemException.badRecord(noun, number + 1, "longer than " + maxChars + " characters.");
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                position++;
                return end(line);
            }
        }
        return any ? end(line) : null;
    }

    private String end(StringBuilder line) {
        number++;
        int length = line.length();
        return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
    }

    private boolean fill() {
        if (position < limit) {
            return true;
        }
        try {
            limit = in.read(buffer);
        } catch (CharacterCodingException e) {
            throw ProblemException.badRecord(noun, number + 1, "not valid UTF-8.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
        if (!started && limit > 0) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                position = 1;
                return fill();
            }
        }
        return limit > 0;
    }
}
