package dev.blindfold.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A streamed body that never looks complete when it is not. Once a 200 has started, the only way left to tell a client
 * that the rest is not coming is the connection: on any failure while writing, the connection is closed (HTTP/1.1)
 * before anything else is written, so the body ends without its final empty chunk (curl exits 18, "transfer closed
 * with outstanding read data remaining"; Java's HttpClient throws), or, if not even the head had gone out, with no
 * answer at all (curl exits 52); on HTTP/2 the stream is reset. The close is awaited, so nothing the framework writes
 * afterwards (an error page, the final chunk) can reach the client. A client that goes away makes the next write fail
 * (the framework would drop it silently), so the body stops too. What went wrong is logged once here (a
 * {@link StreamFailure} as its plain reason, anything else with its stack trace) and recorded by the caller.
 */
public final class StreamedBody {

    private static final Logger LOG = Logger.getLogger(StreamedBody.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private StreamedBody() {
    }

    /**
     * {@code body}, cut off on failure; {@code what} names it in the log ("Export of project 7", "Audit bundle of
     * project 7").
     */
    public static StreamingOutput cutOnFailure(HttpServerRequest request, String what, StreamingOutput body) {
        return out -> {
            ClientStream client = new ClientStream(out, request.response());
            try {
                body.write(client);
            } catch (StreamFailure e) {
                LOG.warnf("%s stopped and its connection was cut: %s", what, e.getMessage());
                cut(request);
            } catch (RuntimeException | IOException e) {
                if (client.gone) {
                    LOG.warnf("%s stopped: the client closed the connection", what);
                } else {
                    LOG.errorf(e, "%s stopped and its connection was cut", what);
                }
                cut(request);
            }
        };
    }

    /**
     * The response stream, failing once the client has gone: writes to a closed connection are otherwise dropped
     * without an error, and a body would run to its end and be recorded as sent.
     */
    private static final class ClientStream extends FilterOutputStream {

        private final HttpServerResponse response;
        private boolean gone;

        ClientStream(OutputStream out, HttpServerResponse response) {
            super(out);
            this.response = response;
        }

        @Override
        public void write(int b) throws IOException {
            requireOpen();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            requireOpen();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            requireOpen();
            out.flush();
        }

        /** Closing the response is the framework's call, once the body has returned. */
        @Override
        public void close() throws IOException {
            flush();
        }

        private void requireOpen() throws IOException {
            if (response.closed()) {
                gone = true;
                throw new IOException("the client closed the connection");
            }
        }
    }

    private static void cut(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
            return;
        }
        try {
            request.connection().close().toCompletionStage().toCompletableFuture()
                    .get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf(e, "Closing the connection of a failed stream");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
