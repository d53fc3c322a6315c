package io.kisbridge.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bench's minimal WebSocket client against a hand-written server that sends awkward but legal frames. */
@Timeout(20)
class NioStreamClientsTest {

    @Test
    void joinsSplitAndFragmentedFramesAnswersPingsAndReportsTheClose() throws Exception {
        String big = "x".repeat(70_000); // longer than the 64 KiB read buffer, 64-bit length form
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                NioStreamClients clients = new NioStreamClients(1)) {
            CompletableFuture<String> serverSide = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    upgrade(in, out, true);
                    byte[] first = frame(0x81, "first".getBytes(StandardCharsets.UTF_8));
                    out.write(first, 0, 3); // header and one byte: the rest comes after the subscribe
                    out.flush();
                    String subscribe = readMaskedText(in, 0x81);
                    out.write(first, 3, first.length - 3);
                    out.write(frame(0x01, "frag".getBytes(StandardCharsets.UTF_8)));
                    out.write(frame(0x80, "mented".getBytes(StandardCharsets.UTF_8)));
                    out.write(frame(0x89, "p".getBytes(StandardCharsets.UTF_8)));
                    out.write(frame(0x81, big.getBytes(StandardCharsets.UTF_8)));
                    out.write(frame(0x81, "삼성전자".getBytes(StandardCharsets.UTF_8)));
                    out.flush();
                    String pong = readMaskedText(in, 0x8a);
                    out.write(frame(0x88, new byte[] {0x03, (byte) 0xe8, 'b', 'y', 'e'}));
                    out.flush();
                    return subscribe + " | " + pong;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            BlockingQueue<Long> handlerThreads = new LinkedBlockingQueue<>();
            CompletableFuture<String> closed = new CompletableFuture<>();
            StreamConnection c = clients.connect("ws://127.0.0.1:" + server.getLocalPort() + "/v1/stream",
                    (text, at) -> {
                        messages.add(text);
                        handlerThreads.add(Thread.currentThread().threadId());
                    }, closed::complete);
            c.subscribe("trade:005930");

            assertThat(serverSide.get(10, TimeUnit.SECONDS))
                    .isEqualTo("{\"op\":\"subscribe\",\"topic\":\"trade:005930\"} | p");
            assertThat(messages.poll(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(messages.poll(5, TimeUnit.SECONDS)).isEqualTo("fragmented");
            assertThat(messages.poll(5, TimeUnit.SECONDS)).isEqualTo(big);
            assertThat(messages.poll(5, TimeUnit.SECONDS)).isEqualTo("삼성전자");
            assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("1000 bye");
            assertThat(messages).isEmpty();
            assertThat(handlerThreads).allMatch(clients::isClientThread);
            assertThat(clients.isClientThread(Thread.currentThread().threadId())).isFalse();
        }
    }

    @Test
    void refusesAServerThatAnswersWithTheWrongAcceptKey() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                NioStreamClients clients = new NioStreamClients(1)) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    upgrade(new DataInputStream(s.getInputStream()), s.getOutputStream(), false);
                    s.getInputStream().read(); // hold the socket until the client gives up
                } catch (IOException ignored) {
                    // the client closed it
                }
            });
            assertThatThrownBy(() -> clients.connect("ws://127.0.0.1:" + server.getLocalPort() + "/v1/stream",
                    (text, at) -> { }, reason -> { }))
                    .hasStackTraceContaining("wrong Sec-WebSocket-Accept");
        }
    }

    private static void upgrade(InputStream in, OutputStream out, boolean rightKey) throws IOException {
        String key = null;
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String l = line.toString().strip();
            line.setLength(0);
            if (l.isEmpty()) {
                break;
            }
            if (l.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
                key = l.substring(18).strip();
            }
        }
        String accept = rightKey ? NioStreamClients.accept(key) : NioStreamClients.accept("not the key");
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** An unmasked server frame; {@code b0} is FIN and opcode. */
    private static byte[] frame(int b0, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(b0);
        if (payload.length < 126) {
            f.write(payload.length);
        } else if (payload.length < 65_536) {
            f.write(126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        f.writeBytes(payload);
        return f.toByteArray();
    }

    /** Reads one client frame, which must be masked, short and of the expected FIN+opcode byte. */
    private static String readMaskedText(DataInputStream in, int expectedB0) throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        assertThat(b0).as("FIN and opcode").isEqualTo(expectedB0);
        assertThat(b1 & 0x80).as("client frames are masked").isEqualTo(0x80);
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes(b1 & 0x7f);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new String(payload, StandardCharsets.UTF_8);
    }
}
