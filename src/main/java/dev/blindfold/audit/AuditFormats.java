package dev.blindfold.audit;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/**
 * Figures on the audit page, {@code {audit:share(x)}} and friends; each prints "–" for a null (undefined) figure.
 */
@TemplateExtension(namespace = "audit")
public final class AuditFormats {

    private AuditFormats() {
    }

    /** 0.425 → "42.5%". */
    public static String share(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    /** A figure with that many decimals: 0.12 → "0.120" for 3. */
    public static String num(Double value, int decimals) {
        return value == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Milliseconds as seconds: 1234.0 → "1.2 s". */
    public static String seconds(Double ms) {
        return ms == null ? "–" : String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
}
