package dev.blindfold.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A blind commit written by hand on its own connection: head and half the body now, the rest on {@link #finish()}.
 * In between the app has begun the request (it counts as in flight) but cannot finish it: a commit in flight for as
 * long as the test wants.
 */
final class HeldCommit {
    final long aid;
    final String answer;
    private final Socket socket;
    private final byte[] rest;

    HeldCommit(PackagedApp app, LoopClient me, long aid, String answer) throws IOException {
        this.aid = aid;
        this.answer = answer;
        byte[] body = LoopClient.JSON.writeValueAsBytes(Map.of("answer", answer));
        int half = body.length / 2;
        this.rest = Arrays.copyOfRange(body, half, body.length);
        this.socket = new Socket("127.0.0.1", app.port());
        socket.setSoTimeout(120_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/assignments/" + aid + "/blind HTTP/1.1\r\nHost: 127.0.0.1:" + app.port()
                + "\r\nAuthorization: " + me.authorization() + "\r\nContent-Type: application/json\r\nAccept: application/json"
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, half);
        out.flush();
    }

    /** Sends the rest of the body; the response's status, -1 when the connection ended without one, -2 for a 200 without a body. */
    int finish() {
        try (socket) {
            socket.getOutputStream().write(rest);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 ")) {
                return -1;
            }
            int status = Integer.parseInt(response.substring(9, 12));
            return status == 200 && !response.contains("committedAt") ? -2 : status;
        } catch (IOException e) {
            return -1;
        }
    }
}
