package dev.blindfold.audit.mirrorgap;

import dev.blindfold.agreement.Majority;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one item adds to the mirror gap of each model family with drafts of it, from its drafts and its answers: the
 * same whether the item is scored as its answers change ({@link MirrorGapFacts}) or the whole project is recounted
 * ({@link MirrorGapRecount}). Plain Java.
 *
 * <p>An item's gold is chosen as the gold endpoint chooses it ({@link Majority}): for free text its distinct answers
 * (the references), else the one answer with the most votes, none on a tie. Scores are summed per family times 10^9,
 * each draft's rounded, so every sum kept from them is an exact integer and a recount equals what was kept.
 */
final class MirrorScores {

    /** A draft of the item. */
    record Draft(String family, String text) {
    }

    /**
     * An item's drafts of one family and their scores summed against each gold (×10^9), null where that gold does not
     * exist. Scored when both exist.
     */
    record ItemRow(int drafts, Long blindE9, Long finalE9) {

        boolean scored() {
            return blindE9 != null && finalE9 != null;
        }

        /** Neither gold exists: the row adds nothing and is not kept. */
        boolean empty() {
            return blindE9 == null && finalE9 == null;
        }
    }

    /** The family sums' columns, in the order of {@link #contribution}. */
    static final List<String> SUM_COLUMNS = List.of("items", "drafts", "blind_e9", "final_e9", "diff_squares",
            "diff_drafts", "draft_squares");

    /** The {@link #SUM_COLUMNS} summed over a family's shards, as a select list. */
    static final String SUMMED = SUM_COLUMNS.stream().map(c -> "SUM(" + c + ") AS " + c)
            .collect(java.util.stream.Collectors.joining(", "));

    private static final double E9 = 1e9;

    private MirrorScores() {
    }

    /** The gold to score against from an item's answers (blind or final, in assignment order); null without gold. */
    static List<String> gold(List<String> answers, boolean freeText) {
        if (answers.isEmpty()) {
            return null;
        }
        Majority m = Majority.of(answers, 0, freeText);
        if (freeText) {
            return m.references().isEmpty() ? null : m.references();
        }
        return m.gold() == null ? null : List.of(m.gold());
    }

    /** Per family (by name) the item's drafts scored against each gold (null: none). */
    static Map<String, ItemRow> rows(List<Draft> drafts, List<String> blindGold, List<String> finalGold, boolean freeText) {
        Map<String, List<String>> byFamily = new TreeMap<>();
        for (Draft d : drafts) {
            byFamily.computeIfAbsent(d.family(), f -> new ArrayList<>()).add(d.text());
        }
        Map<String, ItemRow> rows = new TreeMap<>();
        byFamily.forEach((family, texts) -> rows.put(family, new ItemRow(texts.size(),
                side(texts, blindGold, freeText), side(texts, finalGold, freeText))));
        return rows;
    }

    /** The family's drafts' scores against {@code gold} summed ×10^9, each rounded; null without gold. */
    static Long side(List<String> texts, List<String> gold, boolean freeText) {
        if (gold == null) {
            return null;
        }
        long sum = 0;
        for (String text : texts) {
            sum += Math.round(MirrorGap.score(text, gold, freeText) * E9);
        }
        return sum;
    }

    /**
     * What the row adds to its family's sums, in {@link #SUM_COLUMNS} order (x drafts, b and f the scores, d = f − b):
     * 1, x, b, f, d², d·x, x² when scored; zeros otherwise.
     */
    static BigInteger[] contribution(ItemRow row) {
        BigInteger[] c = new BigInteger[SUM_COLUMNS.size()];
        java.util.Arrays.fill(c, BigInteger.ZERO);
        if (row != null && row.scored()) {
            BigInteger x = BigInteger.valueOf(row.drafts());
            BigInteger d = BigInteger.valueOf(row.finalE9()).subtract(BigInteger.valueOf(row.blindE9()));
            c[0] = BigInteger.ONE;
            c[1] = x;
            c[2] = BigInteger.valueOf(row.blindE9());
            c[3] = BigInteger.valueOf(row.finalE9());
            c[4] = d.multiply(d);
            c[5] = d.multiply(x);
            c[6] = x.multiply(x);
        }
        return c;
    }

    /** {@code now − was} column by column, as JDBC parameters (NUMERIC columns take BigDecimal). */
    static List<BigDecimal> difference(ItemRow was, ItemRow now) {
        BigInteger[] a = contribution(was);
        BigInteger[] b = contribution(now);
        List<BigDecimal> d = new ArrayList<>(a.length);
        for (int i = 0; i < a.length; i++) {
            d.add(new BigDecimal(b[i].subtract(a[i])));
        }
        return d;
    }

    /** A family's kept sums, as {@link MirrorGap#fromSums} reads them. */
    record FamilySums(long items, long drafts, BigInteger blindE9, BigInteger finalE9, BigInteger diffSquares,
                      BigInteger diffDrafts, BigInteger draftSquares) {

        static final FamilySums NONE = new FamilySums(0, 0, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, BigInteger.ZERO);

        FamilySums plus(ItemRow row) {
            BigInteger[] c = contribution(row);
            return new FamilySums(items + c[0].longValue(), drafts + c[1].longValue(), blindE9.add(c[2]),
                    finalE9.add(c[3]), diffSquares.add(c[4]), diffDrafts.add(c[5]), draftSquares.add(c[6]));
        }

        /** From a row of the {@link #SUM_COLUMNS}. */
        static FamilySums of(Object[] r, int from) {
            return new FamilySums(((Number) r[from]).longValue(), ((Number) r[from + 1]).longValue(), big(r[from + 2]),
                    big(r[from + 3]), big(r[from + 4]), big(r[from + 5]), big(r[from + 6]));
        }

        List<Object> values() {
            return List.of(items, drafts, new BigDecimal(blindE9), new BigDecimal(finalE9), new BigDecimal(diffSquares),
                    new BigDecimal(diffDrafts), new BigDecimal(draftSquares));
        }

        private static BigInteger big(Object value) {
            return value instanceof BigDecimal b ? b.toBigIntegerExact() : BigInteger.valueOf(((Number) value).longValue());
        }
    }
}
