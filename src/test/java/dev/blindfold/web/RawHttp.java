package dev.blindfold.web;

import dev.blindfold.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A request over a bare socket that declares a body it never sends: the server must refuse it from the headers
 * alone (a client busy sending a large body might see the connection close before it reads the answer).
 */
final class RawHttp {

    private RawHttp() {
    }

    static BadInputCorpusTest.Answer headersOnly(URL base, String user, BadRequests.Bad bad) throws IOException {
        String password = Api.ADMIN.equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((bad.method() + " " + bad.url() + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Basic "
                    + auth + "\r\nContent-Type: " + bad.contentType() + "\r\nContent-Length: " + bad.declaredLength()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(socket.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return new BadInputCorpusTest.Answer(status, contentType, body);
        }
    }

    /**
     * Sends a request head ({@code requestAndHeaders}: the request line and header lines, each ending in CRLF; no
     * body follows) and returns the response's head, lower-cased.
     */
    static String head(URL base, String requestAndHeaders) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestAndHeaders + "Host: " + base.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(socket.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            return (split < 0 ? response : response.substring(0, split)).toLowerCase(Locale.ROOT);
        }
    }

    /** Reads until the server closes the connection (it must: the declared body was never sent). */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server closed after answering; what arrived is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
