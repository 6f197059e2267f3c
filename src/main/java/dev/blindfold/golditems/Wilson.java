package dev.blindfold.golditems;

/**
 * A share with its 95% Wilson score interval, which stays inside [0, 1] and is honest for small counts and for shares
 * near 0 or 1 (where the normal approximation gives intervals like [0.9, 1.1]). Plain Java.
 */
public record Wilson(long right, long n, Double share, Double low, Double high) {

    /** The two-sided 95% normal quantile. */
    static final double Z = 1.959963984540054;

    /** {@code right} of {@code n}; share and interval are null when n is 0. */
    public static Wilson of(long right, long n) {
        if (n <= 0) {
            return new Wilson(right, 0, null, null, null);
        }
        double p = (double) right / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Wilson(right, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
