package dev.blindfold.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests REST Assured cannot send, over a bare socket: a request head alone, which may declare a body it never
 * sends, so the server must answer from the headers (a client busy sending a large body might see the connection
 * close before it reads the answer).
 */
public final class RawHttp {

    /** A response as it arrived: its head (status line and header lines, CRLF between them) and its body. */
    public record Response(int status, String head, String body) {

        /** The value of the first header named {@code name} (in any case), or null. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            return null;
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code requestHead} (the request line and header lines, each ending in CRLF; Host is added, no body
     * follows) to {@code base}'s host and port, and reads the response until the server closes the connection (it
     * must: a declared body never came).
     */
    public static Response send(URL base, String requestHead) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "Host: " + base.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(socket.getInputStream());
            if (!response.startsWith("HTTP/")) {
                throw new IOException("no HTTP response: " + response);
            }
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            return new Response(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }

    /** POSTs {@code path} declaring a 100 MiB JSON body, which the body limit refuses before any of it is read. */
    public static Response declaredTooLarge(URL base, String path) throws IOException {
        return send(base, "POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 104857600\r\n");
    }

    /** Reads until the server closes the connection; a reset after the answer ends it the same way. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // the server closed after answering; what arrived is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
