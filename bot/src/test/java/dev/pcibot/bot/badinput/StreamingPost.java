package dev.pcibot.bot.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A POST over a plain socket whose chunked body is written only while the server has not
 * answered: it stops at the first byte of a response (or when the server closes), and says how
 * much of the body had been sent by then. The JDK's client keeps sending after an early answer, so
 * it cannot show that the server refused a body without reading it through.
 */
final class StreamingPost {
    /** The status, the response body, and how many body bytes were sent before the answer. */
    record Result(int status, String body, long sent) {}

    private StreamingPost() {}

    static Result send(int port, String path, String contentType, byte[] prefix, InputStream body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long sent = 0;
            byte[] chunk = new byte[64 * 1024];
            try {
                chunk(out, prefix, prefix.length);
                int n;
                while (in.available() == 0 && (n = body.read(chunk)) > 0) {
                    chunk(out, chunk, n);
                    sent += n;
                }
                if (in.available() == 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed while we were still sending: read its answer
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.ISO_8859_1); // one char per byte until the body
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            String head = text.substring(0, bodyStart).toLowerCase();
            String rest = text.substring(bodyStart);
            String raw = head.contains("transfer-encoding: chunked") ? unchunk(rest) : rest;
            return new Result(status, new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), sent);
        }
    }

    private static void chunk(OutputStream out, byte[] bytes, int n) throws IOException {
        if (n == 0) {
            return;
        }
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, n);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
