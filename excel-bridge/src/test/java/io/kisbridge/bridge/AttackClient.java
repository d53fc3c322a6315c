package io.kisbridge.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Raw HTTP/1.1 exchanges with the bridge for the attack pass: any Host, any header, bodies streamed from a generator
 * (never held in memory), and a record of every answer (status line, headers and body) so the suite can scan them all
 * for secrets at the end.
 */
final class AttackClient {
    /** An answer: the status (or -1 when the bridge closed without one), the head and up to 64 KB of body. */
    record Answer(String request, int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int c = line.indexOf(':');
                if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase(name)) {
                    return line.substring(c + 1).trim();
                }
            }
            return null;
        }
    }

    private static final int KEPT_BODY = 64 * 1024;
    private final int port;
    final List<Answer> answers = new CopyOnWriteArrayList<>();

    AttackClient(int port) {
        this.port = port;
    }

    /** A request with a small (or no) body, {@code Connection: close}. */
    Answer send(String method, String target, String host, String body, String... headers) throws IOException {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        boolean connection = java.util.Arrays.stream(headers).anyMatch(h -> h.regionMatches(true, 0, "Connection:", 0, 11));
        StringBuilder req = head(method, target, host, headers).append("Content-Length: ").append(b.length)
                .append(connection ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.flush();
            return record(method + " " + shorten(target), s.getInputStream());
        }
    }

    /**
     * Streams {@code size} bytes of JSON-ish filler (a valid prefix {@code {"calls":[} then spaces) as the body,
     * chunked when {@code chunked}, else with its Content-Length. A reader thread takes the answer as soon as the
     * bridge gives one; writing stops then, or when the bridge closes the connection.
     */
    Answer stream(String method, String target, long size, boolean chunked, String... headers) throws Exception {
        StringBuilder req = head(method, target, "127.0.0.1:" + port, headers)
                .append("Content-Type: application/json\r\n")
                .append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
                .append("Connection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            AtomicReference<Answer> answer = new AtomicReference<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    answer.set(record(method + " " + target + " (" + size + " byte body)", s.getInputStream()));
                } catch (IOException e) {
                    answer.set(new Answer(method + " " + target, -1, e.toString(), ""));
                }
            });
            OutputStream out = s.getOutputStream();
            byte[] prefix = "{\"calls\":[".getBytes(StandardCharsets.US_ASCII);
            byte[] filler = new byte[64 * 1024];
            java.util.Arrays.fill(filler, (byte) ' ');
            try {
                out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
                long sent = 0;
                boolean first = true;
                while (sent < size && answer.get() == null) {
                    byte[] chunk = first ? prefix : filler;
                    int n = (int) Math.min(chunk.length, size - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += n;
                    first = false;
                }
                if (chunked && answer.get() == null) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (SocketException closedByTheBridge) {
                // the bridge answered and closed, or just closed: the reader has the outcome
            }
            reader.join(60_000);
            Answer a = answer.get();
            return a == null ? new Answer(method + " " + target, -1, "no answer within 60 s", "") : a;
        }
    }

    private static StringBuilder head(String method, String target, String host, String... headers) {
        StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        if (host != null) {
            req.append("Host: ").append(host).append("\r\n");
        }
        for (String h : headers) {
            req.append(h).append("\r\n");
        }
        return req;
    }

    private Answer record(String request, InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while (!complete(all) && (n = in.read(buf)) > 0 && all.size() < KEPT_BODY + 16_384) {
                all.write(buf, 0, n);
            }
        } catch (SocketException reset) {
            // a reset after the answer: keep what arrived
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : new String(all.toByteArray(), end + 4, all.size() - end - 4, StandardCharsets.UTF_8);
        int status = -1;
        if (head.startsWith("HTTP/1.1 ") && head.length() >= 12) {
            status = Integer.parseInt(head.substring(9, 12));
        }
        Answer a = new Answer(request, status, head, body.length() > KEPT_BODY ? body.substring(0, KEPT_BODY) : body);
        answers.add(a);
        return a;
    }

    /** The head and as many body bytes as its Content-Length says have arrived (the connection may stay open). */
    private static boolean complete(ByteArrayOutputStream all) {
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(text.substring(0, end));
        return m.find() && all.size() - end - 4 >= Long.parseLong(m.group(1));
    }

    private static String shorten(String target) {
        return target.length() > 120 ? target.substring(0, 120) + "...(" + target.length() + " chars)" : target;
    }

    /** Javalin's path syntax filled in with a harmless value: {name} and <rest> become 005930. */
    static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}|<[^>]+>", "005930");
    }

    static boolean isWrite(String method) {
        return !List.of("GET", "HEAD", "OPTIONS").contains(method.toUpperCase(Locale.ROOT));
    }
}
