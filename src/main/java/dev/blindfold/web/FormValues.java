package dev.blindfold.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Values of a page's form fields, read as the JSON API reads its fields: a blank field is absent (null), a value that
 * is not one of the choices or not a number is a 400 problem naming the field, never a 500 or a 404.
 */
public final class FormValues {

    private FormValues() {
    }

    /** The enum constant named {@code value}, or null when the field is blank; refused with problem {@code slug}. */
    public static <E extends Enum<E>> E constant(String slug, Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(slug, field + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    /**
     * A textarea's text as typed: browsers send its line breaks as CRLF, which become the LF a JSON client sends, so
     * the same text saved from a page and from the API is the same text. A blank text stays (it may be meant); a
     * missing field is null.
     */
    public static String text(String value) {
        return value == null ? null : value.replace("\r\n", "\n");
    }

    /** The whole number in {@code value}, or null when the field is blank; refused with problem {@code slug}. */
    public static Integer whole(String slug, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(slug, field + " must be a whole number.");
        }
    }

    /** The number in {@code value}, or null when the field is blank; refused with problem {@code slug}. */
    public static Double decimal(String slug, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(slug, field + " must be a number.");
        }
    }
}
