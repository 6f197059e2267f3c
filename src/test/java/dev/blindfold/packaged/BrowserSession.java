package dev.blindfold.packaged;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session with a packaged app: the real sign-in form (CSRF cookie and field), then its cookies. */
record BrowserSession(String session, String csrf) {

    static final String SESSION_COOKIE = "blindfold_session";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** Signs in through {@code POST /login} and returns the session, insisting on the redirect that sets it. */
    static BrowserSession signIn(PackagedApp app, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(app.uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = cookie(page, "csrf-token").orElseThrow(() -> new IllegalStateException("no CSRF cookie"));
        Matcher field = CSRF_FIELD.matcher(page.body());
        if (!field.find()) {
            throw new IllegalStateException("no CSRF field on the sign-in page: " + page.body());
        }
        String form = "csrf-token=" + enc(field.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(app.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "csrf-token=" + csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + login.statusCode() + ": " + login.body());
        }
        return new BrowserSession(cookie(login, SESSION_COOKIE).orElseThrow(), csrf);
    }

    /** GET with this session's cookie (named {@code cookieName}, to replay it under another name too). */
    static HttpResponse<String> get(PackagedApp app, String path, String cookieName, String value)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(app.uri(path)).header("Cookie", cookieName + "=" + value).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sign-out form; returns its status (303 when it was accepted). */
    int signOut(PackagedApp app) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(app.uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SESSION_COOKIE + "=" + session + "; csrf-token=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + enc(csrf))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    HttpResponse<String> get(PackagedApp app, String path) throws IOException, InterruptedException {
        return get(app, path, SESSION_COOKIE, session);
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0]).findFirst();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
