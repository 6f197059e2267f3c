package dev.blindfold.packaged;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One measured start: seconds to the first 200, and what Quarkus itself logged ("started in X s"). */
record ColdStart(double seconds, double startedIn) {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration WITHIN = Duration.ofSeconds(120);

    /** Polls {@code uri} every 10 ms until it answers 200; seconds since {@code startedAt} (a nanoTime). */
    static double firstOk(URI uri, long startedAt, BooleanSupplier alive, Supplier<String> log) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() - startedAt < WITHIN.toNanos()) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(uri + ": the process exited before serving it:\n" + log.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(uri + " gave no 200 within " + WITHIN + ":\n" + log.get());
    }

    /** Quarkus's own "started in" figure from a log, NaN if absent. */
    static double startedIn(Path log) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static double median(List<ColdStart> starts) {
        return median(starts.stream().mapToDouble(ColdStart::seconds).sorted().toArray());
    }

    static double medianStartedIn(List<ColdStart> starts) {
        return median(starts.stream().mapToDouble(ColdStart::startedIn).sorted().toArray());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
