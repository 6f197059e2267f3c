package dev.blindfold.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Template helpers: {@code {value.fixed(3)}} prints a number with that many decimals ("–" for NaN). */
@TemplateExtension
public final class NumberFormats {

    private NumberFormats() {
    }

    public static String fixed(Double value, int decimals) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
