package dev.blindfold.web;

/**
 * A streamed response (an export, an audit bundle) stopped part-way for a reason its message states plainly, without
 * class names or stored text: the reason is already recorded where the caller keeps it (an export's manifest), and
 * {@link StreamedBody} logs it without a stack trace.
 */
public class StreamFailure extends RuntimeException {

    public StreamFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
