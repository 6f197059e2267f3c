package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pages say enum constants in words; the API keeps the constants. */
class WordsTest {

    private enum Policy { REVEAL_AFTER_COMMIT, KEEP }

    @Test
    void constantsAreSaidInSentenceCase() {
        assertEquals("Reveal after commit", Words.of(Policy.REVEAL_AFTER_COMMIT));
        assertEquals("Keep", Words.of(Policy.KEEP));
        assertEquals("Free text", Words.of("FREE_TEXT"));
        assertEquals("", Words.of(null));
        assertEquals("", Words.of(" "));
    }
}
