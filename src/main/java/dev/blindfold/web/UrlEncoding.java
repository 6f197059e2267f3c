package dev.blindfold.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Template helper: {@code {value.urlEncoded}} for a query parameter value (Qute escapes HTML, not URLs). */
@TemplateExtension
public final class UrlEncoding {

    private UrlEncoding() {
    }

    public static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
