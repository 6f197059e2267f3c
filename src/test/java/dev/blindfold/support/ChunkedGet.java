package dev.blindfold.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A GET over a bare socket that reads the response's framing itself, to tell a complete HTTP/1.1 response from one
 * whose connection was cut: a chunked body is complete only once its final empty chunk arrives. What curl reports as
 * exit 18 ("transfer closed with outstanding read data remaining") is {@code complete == false} here.
 */
public final class ChunkedGet {

    /** {@code status} is -1 when the connection closed before a status line arrived. */
    public record Received(int status, Map<String, String> headers, byte[] body, boolean complete) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private ChunkedGet() {
    }

    public static Received get(URL base, String user, String pathAndQuery) throws IOException {
        String password = Api.ADMIN.equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Basic " + auth
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Received read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Received(-1, Map.of(), new byte[0], false);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            complete = chunks(in, body);
        } else if (headers.containsKey("content-length")) {
            long length = Long.parseLong(headers.get("content-length"));
            complete = copy(in, body, length) == length;
        } else {
            copy(in, body, Long.MAX_VALUE);
            complete = true;
        }
        return new Received(status, headers, body.toByteArray(), complete);
    }

    /** Reads chunks until the final empty one (true) or the end of the connection (false). */
    private static boolean chunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        for (;;) {
            String size = line(in);
            if (size == null || size.isEmpty()) {
                return false;
            }
            long length = Long.parseLong(size.split(";")[0].trim(), 16);
            if (length == 0) {
                return line(in) != null;
            }
            if (copy(in, body, length) < length || line(in) == null) {
                return false;
            }
        }
    }

    private static long copy(InputStream in, ByteArrayOutputStream body, long length) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[8192];
        try {
            while (copied < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - copied));
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
                copied += n;
            }
        } catch (SocketException reset) {
            // a reset connection ends the transfer like a closed one
        }
        return copied;
    }

    /** One CRLF-terminated line without its CRLF, or null when the connection ended first. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
        } catch (SocketException reset) {
            // as the end of the connection
        }
        return null;
    }
}
