package dev.blindfold.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Timed requests as a script sends them: HTTP/1.1 with keep-alive, {@code Authorization: Bearer} (an API token, so no
 * bcrypt per request), the clock stopped when the whole body has arrived (a streamed one too). A request not answered
 * within its deadline is reported as a timeout, and left running: its {@link Answer#late} answer says what the app
 * answered in the end, and when. Only the first {@value #KEPT} bytes of a body are kept (enough for the loop's JSON,
 * the start of a report and an error's problem), the rest counted.
 */
final class BenchHttp {

    static final int KEPT = 65_536;

    /**
     * One answer: status 0 when it timed out or the connection failed ({@code failure} says which); {@code late}, for a
     * timeout, completes with the answer the app gives in the end.
     */
    record Answer(int status, long nanos, long bytes, String body, String failure, CompletableFuture<Answer> late) {
        double millis() {
            return nanos / 1e6;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** How a table shows it: the status, or "timeout". */
        String outcome() {
            return status == 0 ? failure : String.valueOf(status);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    BenchHttp(URI base) {
        this.base = base;
    }

    Answer get(String path, String token, Duration deadline) {
        return send(request(path, token).GET().build(), deadline);
    }

    Answer post(String path, String token, String json, Duration deadline) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), deadline);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request, Duration deadline) {
        Body body = new Body();
        long start = System.nanoTime();
        CompletableFuture<Answer> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArrayConsumer(body::accept)).thenApply(response -> new Answer(
                        response.statusCode(), System.nanoTime() - start, body.bytes, body.text(), null, null));
        try {
            return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Answer(0, System.nanoTime() - start, body.bytes, body.text(),
                    "timeout > " + deadline.toSeconds() + " s", exchange);
        } catch (ExecutionException e) {
            return new Answer(0, System.nanoTime() - start, body.bytes, body.text(), "failed: " + e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts a body's bytes as they arrive and keeps the first {@value #KEPT}. */
    private static final class Body {
        private final byte[] kept = new byte[KEPT];
        private volatile long bytes;

        synchronized void accept(Optional<byte[]> chunk) {
            chunk.ifPresent(b -> {
                if (bytes < KEPT) {
                    System.arraycopy(b, 0, kept, (int) bytes, (int) Math.min(b.length, KEPT - bytes));
                }
                bytes += b.length;
            });
        }

        synchronized String text() {
            return new String(kept, 0, (int) Math.min(bytes, KEPT), StandardCharsets.UTF_8);
        }
    }
}
