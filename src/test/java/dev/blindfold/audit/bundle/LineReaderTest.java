package dev.blindfold.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.provenance.chain.EventChain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LineReader splits exactly at each {@code \n}, in place or across reads, and digests every byte. */
class LineReaderTest {

    @Test
    void newlineSearchFindsTheFirstNewlineAtEveryOffsetAmongItsNearNeighbours() {
        byte[] neighbours = {0x09, 0x0B, (byte) 0x8A, 0x0A ^ 0x01, 0x00, (byte) 0xFF, 'a', 0x1A};
        Random random = new Random(3);
        for (int length = 0; length < 40; length++) {
            for (int at = -1; at < length; at++) {
                byte[] b = new byte[length + 5];
                for (int i = 0; i < b.length; i++) {
                    b[i] = neighbours[random.nextInt(neighbours.length)];
                }
                if (at >= 0) {
                    b[at] = '\n';
                    if (at + 1 < length) {
                        b[at + 1] = '\n';
                    }
                }
                assertEquals(at, LineReader.newline(b, 0, length), "length " + length + ", newline at " + at);
                if (at >= 2) {
                    assertEquals(at, LineReader.newline(b, 2, length), "from 2, newline at " + at);
                }
            }
        }
        assertEquals(-1, LineReader.newline(new byte[] {'\n'}, 1, 1));
    }

    @Test
    void linesAreSplitAsWrittenAcrossReadsIncludingOnesLongerThanTheBufferAndALastOneWithoutNewline() throws IOException {
        Random random = new Random(5);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int length = i % 97 == 0 ? 300_000 + random.nextInt(300_000) : i % 7 == 3 ? 0 : random.nextInt(2_000);
            byte[] line = new byte[length];
            for (int j = 0; j < length; j++) {
                byte value = (byte) (random.nextInt(255) + 1);
                line[j] = value == '\n' ? (byte) 'y' : value;
            }
            lines.add(line);
        }
        for (boolean trailingNewline : new boolean[] {true, false}) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                file.write(lines.get(i));
                if (trailingNewline || i < lines.size() - 1) {
                    file.write('\n');
                }
            }
            byte[] content = file.toByteArray();
            try (LineReader reader = new LineReader(new ByteArrayInputStream(content))) {
                for (int i = 0; i < lines.size(); i++) {
                    if (i % 2 == 0) {
                        assertArrayEquals(lines.get(i), reader.next(), "line " + (i + 1));
                    } else {
                        assertTrue(reader.advance());
                        assertArrayEquals(lines.get(i), Arrays.copyOfRange(reader.array(), reader.start(), reader.end()), "line " + (i + 1));
                    }
                    assertEquals(i + 1, reader.lineNumber());
                }
                assertNull(reader.next());
                assertFalse(reader.advance());
                assertEquals(content.length, reader.bytes());
                assertEquals(EventChain.sha256Hex(content), reader.sha256());
            }
        }
    }
}
