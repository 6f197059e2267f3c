package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.project.IdentityTerms.Match;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole-word, case-blind, Unicode-aware finding of the names that give a draft's model away. */
class IdentityTermsTest {

    private static final IdentityTerms VENDORS = IdentityTerms.of(List.of("Claude", "Anthropic", "Phi", "Meta",
            "GPT-4", "GPT-4o", "Command R", "Qwen", "文心一言", "zmodel-7b"));

    @Test
    void findsANameWhateverItsCase() {
        assertEquals(Optional.of("Claude"), VENDORS.first("I'm CLAUDE, made by anthropic."));
        assertEquals(Optional.of("Anthropic"), VENDORS.first("Built by Anthropic's team"));
    }

    @Test
    void neverMatchesInsideAnotherWord() {
        assertEquals(Optional.empty(), VENDORS.first("A philosophy of metadata, written by Claudette and metaphi."));
        assertEquals(Optional.empty(), VENDORS.first("claude_bot and GPT-4oo and Qwen2 are other words"));
        assertEquals(Optional.empty(), VENDORS.first("Métaphysique, Phi\u0301s and Philó"), "a combining accent goes on the word");
    }

    @Test
    void theLongestNameAtAPlaceWinsAndPunctuationEndsAWord() {
        assertEquals(List.of(new Match(4, 10, "GPT-4o"), new Match(15, 20, "GPT-4"), new Match(27, 36, "Command R")),
                VENDORS.all("Use GPT-4o, or GPT-4.5, or command r+."));
        assertEquals(Optional.of("zmodel-7b"), VENDORS.first("(zmodel-7b)"));
    }

    @Test
    void aLatinNameInsideTextOfAnotherScriptIsFound() {
        assertEquals(Optional.of("Claude"), VENDORS.first("我是Claude，由Anthropic开发。"));
        assertEquals(Optional.of("Qwen"), VENDORS.first("Я — Qwen, модель"));
        assertEquals(Optional.of("文心一言"), VENDORS.first("我是文心一言。"));
        assertEquals(Optional.of("Qwen"), VENDORS.first("Яqwenя"), "Cyrillic next to Latin is a boundary");
    }

    @Test
    void redactingReplacesEveryMatchAndNothingElse() {
        assertEquals("I am [model] by [model]; the philosophy stays, as does [model].",
                VENDORS.redact("I am Claude by ANTHROPIC; the philosophy stays, as does claude.", "[model]"));
        assertEquals("no names here", VENDORS.redact("no names here", "[model]"));
    }

    @Test
    void blankTermsAreIgnored() {
        assertEquals(Optional.empty(), IdentityTerms.of(List.of(" ", "")).first("anything at all"));
    }
}
