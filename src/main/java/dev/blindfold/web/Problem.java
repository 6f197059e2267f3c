package dev.blindfold.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document. {@code line} is set for import errors that point at an input line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Integer line) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:blindfold:problem:";

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, null);
    }

    /** The last part of {@link #type}, e.g. {@code not-found}. */
    @JsonIgnore
    public String slug() {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    public Problem withLine(Integer lineNumber) {
        return new Problem(type, title, status, detail, instance, lineNumber);
    }
}
