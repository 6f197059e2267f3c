package dev.blindfold.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Details that name what was wrong with a request's JSON or parameters, without Java class names. */
final class InputProblems {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern FRACTION = Pattern.compile("^Cannot coerce Floating-point value \\(([^)]*)\\) to "
            + "`(?:java\\.lang\\.|java\\.math\\.)?(?:Integer|int|Long|long|Short|short|Byte|byte|BigInteger)`");

    private InputProblems() {
    }

    /** "The request body is not the JSON this route expects at 'ratings.A' (…)." */
    static String badJson(JsonProcessingException e) {
        String field = field(e);
        String where = field.isEmpty() ? "" : " at '" + field + "'";
        return "The request body is not the JSON this route expects" + where
                + " (" + reason(e.getOriginalMessage()) + ").";
    }

    /**
     * Jackson's own words, without class names (see {@link UnicodeText#parserMessage}); a number with a fraction or
     * exponent where a whole number belongs ({@link WholeNumbers}) is said plainly.
     */
    private static String reason(String original) {
        Matcher fraction = FRACTION.matcher(String.valueOf(original));
        if (fraction.find()) {
            return "a whole number is required, not " + fraction.group(1) + " (write it without a fraction or exponent)";
        }
        return ErrorMappers.withoutClassNames(String.valueOf(UnicodeText.parserMessage(original)));
    }

    /**
     * A 415: what the route takes and what was sent. Item imports take files, every other API route a JSON body (a form
     * or multipart body, or curl's default {@code -d} without a Content-Type, is the usual mistake), pages take forms.
     */
    static String unsupportedType(String path, String sent) {
        String takes = path != null && BodyLimits.IMPORT.matcher(path).matches()
                ? "NDJSON (application/x-ndjson), CSV (text/csv) or a Label Studio tasks export (application/json)"
                : path != null && path.startsWith("/api") ? "a JSON body (Content-Type: application/json)"
                : "a form (application/x-www-form-urlencoded)";
        String got = sent == null || sent.isBlank() ? "a body without a Content-Type"
                : "Content-Type " + (sent.length() > 100 ? sent.substring(0, 100) + "…" : sent);
        return "This route takes " + takes + ", not " + got + ".";
    }

    /** The field as a path ("ratings.A", "[0].type"), from the mapping path or, for a number out of range, the parser. */
    private static String field(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
        } else if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String name = parser.getParsingContext().getCurrentName();
            path.append(name == null ? "" : name);
        }
        return path.toString();
    }

    /**
     * A path or query parameter that could not be converted (JAX-RS answers 404 with the conversion failure as
     * its cause): the problem names the parameter and its value. An unreadable id in the path stays a 404 (there is
     * no such resource); an unreadable query parameter is the caller's mistake, a 400. Null when {@code e} is not one.
     */
    static Problem badParameter(WebApplicationException e, UriInfo uri, String instance) {
        Throwable cause = e.getCause();
        if (cause == null || cause instanceof WebApplicationException || uri == null) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(String.valueOf(cause.getMessage()));
        String value = quoted.find() ? quoted.group(1) : null;
        String path = named(uri.getPathParameters(), value);
        if (path != null) {
            return Problem.of(404, "invalid-id", "Not found",
                    "'" + value + "' is not a valid " + path + ": ids are whole numbers.", instance);
        }
        String query = named(uri.getQueryParameters(), value);
        int status = e instanceof NotFoundException ? 400 : e.getResponse().getStatus();
        String detail = query != null
                ? "query parameter " + query + " must be a whole number, not '" + value + "'."
                : "a parameter of the request could not be read (" + ErrorMappers.withoutClassNames(String.valueOf(cause.getMessage())) + ").";
        return Problem.of(status, "invalid-parameter", "Bad request", detail, instance);
    }

    private static String named(Map<String, List<String>> parameters, String value) {
        if (value == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (p.getValue().contains(value)) {
                return p.getKey();
            }
        }
        return null;
    }
}
