package dev.blindfold.web;

/** Whole numbers from query parameters, refused with a 400 problem that names the parameter and its range. */
public final class QueryNumbers {

    private QueryNumbers() {
    }

    /** {@code value} as a whole number in [min, max]; {@code absent} when it is missing or blank. */
    public static long whole(String name, String value, long min, long max, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, as an out-of-range number is
        }
        throw ProblemException.badRequest("invalid-query", name + " must be a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max) + ".");
    }
}
