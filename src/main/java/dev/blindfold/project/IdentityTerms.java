package dev.blindfold.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the names that give a draft's model away (a vendor, a product, the project's own model names) in a text, as
 * whole words and whatever their case. A draft that says "I'm Claude, made by Anthropic" unblinds whoever reads it.
 *
 * <p>Whole words, Unicode-aware: letters, digits and marks of any script and the underscore are word characters; a
 * term matches only where no word character touches it, so "Phi" is not found in "philosophy" nor "Meta" in
 * "metadata". A letter of another script is a boundary too (a Latin name inside Chinese text, "我是Claude", is found),
 * and a term's edge in a script written without spaces (Han, kana, Thai, …) needs no boundary at all, since those
 * scripts have no spaces to mark one. Case is folded character by character ({@link String#regionMatches(boolean,
 * int, String, int, int)}), so a match has the term's length. Where terms overlap, the longest at the leftmost place
 * wins ("GPT-4o" over "GPT-4"). Plain Java; a text is read once, each place tried only against the terms that start
 * with its character.
 */
public final class IdentityTerms {

    /** A term found in a text: {@code text.substring(start, end)} is it. */
    public record Match(int start, int end, String term) {
    }

    private final Map<Integer, List<String>> byFirst = new HashMap<>();

    private IdentityTerms(Collection<String> terms) {
        terms.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(t -> byFirst.computeIfAbsent(fold(t.codePointAt(0)), k -> new ArrayList<>()).add(t));
    }

    public static IdentityTerms of(Collection<String> terms) {
        return new IdentityTerms(terms);
    }

    /** The term found first in the text, if any. */
    public Optional<String> first(String text) {
        List<Match> found = find(text, true);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).term());
    }

    /** Every term found, left to right, none overlapping. */
    public List<Match> all(String text) {
        return find(text, false);
    }

    /** The text with every match replaced by {@code replacement}. */
    public String redact(String text, String replacement) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (Match m : all(text)) {
            out.append(text, from, m.start()).append(replacement);
            from = m.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    private List<Match> find(String text, boolean firstOnly) {
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            Match m = matchAt(text, i, cp);
            if (m != null) {
                found.add(m);
                if (firstOnly) {
                    break;
                }
                i = m.end();
            } else {
                i += Character.charCount(cp);
            }
        }
        return found;
    }

    private Match matchAt(String text, int at, int cp) {
        List<String> candidates = byFirst.get(fold(cp));
        if (candidates == null || at > 0 && !boundary(text.codePointBefore(at), cp)) {
            return null;
        }
        for (String term : candidates) {
            int end = at + term.length();
            if (text.regionMatches(true, at, term, 0, term.length())
                    && (end == text.length() || boundary(text.codePointAt(end), text.codePointBefore(end)))) {
                return new Match(at, end, term);
            }
        }
        return null;
    }

    /** Whether a word may end (or start) at {@code edge}, with {@code outside} next to it. */
    private static boolean boundary(int outside, int edge) {
        if (!wordChar(outside) || !wordChar(edge) || spaceless(edge)) {
            return true;
        }
        Character.UnicodeScript a = Character.UnicodeScript.of(outside);
        Character.UnicodeScript b = Character.UnicodeScript.of(edge);
        return a != b && !common(a) && !common(b);
    }

    private static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.CONNECTOR_PUNCTUATION;
    }

    private static boolean common(Character.UnicodeScript s) {
        return s == Character.UnicodeScript.COMMON || s == Character.UnicodeScript.INHERITED;
    }

    /** Scripts written without spaces between words, where no neighbour can say a word goes on. */
    private static boolean spaceless(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        };
    }

    private static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }
}
