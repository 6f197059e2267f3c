package dev.blindfold.export;

import dev.blindfold.web.UnicodeText;
import java.nio.charset.CharacterCodingException;

/**
 * Why an export stopped, in words for its manifest and the log: no class names, no stored text. Plain Java.
 *
 * @param reason   what the manifest records as {@code failure}
 * @param expected true for causes that are not bugs (stored text that is not valid Unicode, a client that hung up),
 *                 logged without a stack trace; false for anything else, logged with one
 */
record ExportFailure(String reason, boolean expected) {

    static ExportFailure of(Throwable e, long rows, PayloadStream payload) {
        String after = " (after " + rows + (rows == 1 ? " row, " : " rows, ") + payload.bytes() + " bytes)";
        ExportText.Malformed malformed = cause(e, ExportText.Malformed.class);
        if (malformed != null) {
            return new ExportFailure(malformed.getMessage() + after, true);
        }
        if (payload.clientFailed()) {
            return new ExportFailure("the client closed the connection before the export finished" + after, true);
        }
        if (cause(e, CharacterCodingException.class) != null) {
            return new ExportFailure("stored text " + UnicodeText.NOT_UNICODE + after, true);
        }
        return new ExportFailure("an internal error stopped the export" + after + "; the server log has the details",
                false);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }
}
