package dev.blindfold.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/**
 * An enum constant as people read it on a page, {@code {words:of(x)}}: {@code REVEAL_AFTER_COMMIT} → "Reveal after
 * commit", {@code FREE_TEXT} → "Free text". The API keeps the constants; only pages say them in words. The item page's
 * script does the same for what it saves ({@code frontend/js/words.js}).
 */
@TemplateExtension(namespace = "words")
public final class Words {

    private Words() {
    }

    /** The constant's name in sentence case with spaces; null or blank gives "". */
    public static String of(Object constant) {
        if (constant == null) {
            return "";
        }
        String name = constant.toString().strip().replace('_', ' ').toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
