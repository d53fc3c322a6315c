package io.kisbridge.bench.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A minimal WebSocket client for the bench, made to cost the bridge's measurement as little CPU as possible: all
 * sockets are read by {@code threads} selector threads (round robin), each frame is parsed in place and every text
 * message is decoded from UTF-8 into a String ({@code new String(bytes, UTF_8)}: malformed input becomes U+FFFD
 * instead of failing, which is the one check it skips). It speaks just what {@code /v1/stream} needs: the RFC 6455
 * handshake (the accept key is checked), masked text frames out, unmasked text/continuation, ping (answered), pong
 * and close frames in; no extensions.
 */
public final class NioStreamClients implements StreamClients {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Reader> readers = new ArrayList<>();
    private final Set<Long> threadIds = ConcurrentHashMap.newKeySet();
    private int sockets;

    NioStreamClients(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("client threads must be at least 1; got " + threads);
        }
        for (int i = 1; i <= threads; i++) {
            Reader r = new Reader("bench-nio-client-" + i);
            readers.add(r);
            threadIds.add(r.thread.threadId());
        }
    }

    @Override
    public StreamConnection connect(String url, StreamConnection.Handler handler, Consumer<String> onClose) {
        URI uri = URI.create(url);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        try {
            SocketChannel ch = SocketChannel.open();
            try {
                ch.socket().setSoTimeout(10_000);
                ch.connect(new InetSocketAddress(uri.getHost(), port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ByteBuffer rest = handshake(ch, uri, port);
                ch.configureBlocking(false);
                Connection c = new Connection(ch, handler, onClose, rest);
                readers.get(sockets++ % readers.size()).register(c);
                return c;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + url, e);
        }
    }

    /** Sends the upgrade request, checks the 101 answer and its accept key; returns bytes read past the headers. */
    private static ByteBuffer handshake(SocketChannel ch, URI uri, int port) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            ch.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(8192);
        int end;
        while ((end = headerEnd(in)) < 0) {
            if (!in.hasRemaining() || ch.read(in) < 0) {
                throw new IOException("no complete upgrade answer from " + uri);
            }
        }
        String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused by " + uri + ": " + head.lines().findFirst().orElse(""));
        }
        String expected = accept(key);
        boolean accepted = head.lines().anyMatch(l -> l.regionMatches(true, 0, "Sec-WebSocket-Accept:", 0, 21)
                && l.substring(21).strip().equals(expected));
        if (!accepted) {
            throw new IOException("wrong Sec-WebSocket-Accept from " + uri);
        }
        ByteBuffer rest = ByteBuffer.allocate(in.position() - end);
        rest.put(in.array(), end, in.position() - end).flip();
        return rest;
    }

    private static int headerEnd(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean isClientThread(long threadId) {
        return threadIds.contains(threadId);
    }

    @Override
    public String describe() {
        return "nio (minimal NIO WebSocket client, " + sockets + " sockets on " + readers.size() + " selector thread"
                + (readers.size() == 1 ? "" : "s") + ")";
    }

    @Override
    public void close() {
        readers.forEach(Reader::stop);
    }

    /** One selector thread reading its share of the sockets. */
    private static final class Reader implements Runnable {
        private final Selector selector;
        private final Thread thread;
        private final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;

        Reader(String name) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        void register(Connection c) {
            pending.add(c);
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            try (selector) {
                while (running) {
                    selector.select();
                    Connection c;
                    while ((c = pending.poll()) != null) {
                        c.channel.register(selector, SelectionKey.OP_READ, c);
                        c.parse(); // bytes that came with the handshake answer
                    }
                    for (SelectionKey k : selector.selectedKeys()) {
                        ((Connection) k.attachment()).readable(k);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                // the selector broke: nothing more is read; the driver sees missing messages
            }
        }
    }

    /** One socket: parses frames out of its read buffer on its reader's thread. */
    private static final class Connection implements StreamConnection {
        private final SocketChannel channel;
        private final StreamConnection.Handler handler;
        private final Consumer<String> onClose;
        private ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        private boolean inFragments;
        private volatile boolean closed;

        Connection(SocketChannel channel, StreamConnection.Handler handler, Consumer<String> onClose,
                ByteBuffer handshakeRest) {
            this.channel = channel;
            this.handler = handler;
            this.onClose = onClose;
            in.put(handshakeRest);
        }

        void readable(SelectionKey key) {
            try {
                int n = channel.read(in);
                if (n < 0) {
                    end(key, "eof");
                    return;
                }
                parse();
            } catch (IOException | RuntimeException e) {
                end(key, "error " + e);
            }
        }

        /** Consumes every whole frame in the buffer (which is in write mode before and after). */
        void parse() throws IOException {
            in.flip();
            byte[] a = in.array();
            while (in.remaining() >= 2) {
                int p = in.position();
                int b0 = a[p] & 0xff;
                int b1 = a[p + 1] & 0xff;
                if ((b1 & 0x80) != 0) {
                    throw new IOException("masked frame from the server");
                }
                int header = 2;
                long len = b1 & 0x7f;
                if (len == 126) {
                    if (in.remaining() < 4) {
                        break;
                    }
                    len = ((a[p + 2] & 0xff) << 8) | (a[p + 3] & 0xff);
                    header = 4;
                } else if (len == 127) {
                    if (in.remaining() < 10) {
                        break;
                    }
                    len = in.getLong(p + 2);
                    header = 10;
                }
                if (len > 64L * 1024 * 1024) {
                    throw new IOException("frame of " + len + " bytes");
                }
                if (in.remaining() < header + len) {
                    if (header + len > in.capacity()) {
                        grow((int) (header + len));
                        a = in.array();
                    }
                    break;
                }
                frame(b0, a, p + header, (int) len);
                in.position(p + header + (int) len);
            }
            in.compact();
        }

        private void grow(int needed) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(needed, in.capacity() * 2));
            bigger.put(in); // in is in read mode here; parse() flips it back via compact()
            bigger.flip();
            in = bigger;
        }

        private void frame(int b0, byte[] a, int from, int len) throws IOException {
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0f;
            switch (opcode) {
                case 1, 0 -> {
                    if (opcode == 1 && fin && !inFragments) {
                        long received = System.nanoTime();
                        handler.onMessage(new String(a, from, len, StandardCharsets.UTF_8), received);
                        return;
                    }
                    fragments.write(a, from, len);
                    inFragments = !fin;
                    if (fin) {
                        long received = System.nanoTime();
                        String text = fragments.toString(StandardCharsets.UTF_8);
                        fragments.reset();
                        handler.onMessage(text, received);
                    }
                }
                case 8 -> {
                    String reason = len > 2 ? new String(a, from + 2, len - 2, StandardCharsets.UTF_8) : "";
                    int code = len >= 2 ? ((a[from] & 0xff) << 8) | (a[from + 1] & 0xff) : 1005;
                    closed = true;
                    onClose.accept(code + " " + reason);
                    channel.close();
                }
                case 9 -> send(10, java.util.Arrays.copyOfRange(a, from, from + len));
                case 10 -> {
                    // pong: nothing to do
                }
                default -> throw new IOException("unexpected opcode " + opcode);
            }
        }

        private void end(SelectionKey key, String reason) {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            if (!closed) {
                closed = true;
                onClose.accept(reason);
            }
        }

        /** Writes one masked frame (FIN set); small frames only, so a full socket buffer is waited out by spinning. */
        private synchronized void send(int opcode, byte[] payload) throws IOException {
            if (payload.length > 125) {
                throw new IllegalArgumentException("frames over 125 bytes are not needed here");
            }
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            ByteBuffer out = ByteBuffer.allocate(6 + payload.length);
            out.put((byte) (0x80 | opcode)).put((byte) (0x80 | payload.length)).put(mask);
            for (int i = 0; i < payload.length; i++) {
                out.put((byte) (payload[i] ^ mask[i & 3]));
            }
            out.flip();
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    Thread.onSpinWait();
                }
            }
        }

        @Override
        public void subscribe(String topic) {
            try {
                send(1, ("{\"op\":\"subscribe\",\"topic\":\"" + topic + "\"}").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void disconnect() {
            if (closed || !channel.isOpen()) {
                return;
            }
            closed = true;
            try {
                send(8, new byte[] {0x03, (byte) 0xe8}); // 1000 normal closure
            } catch (IOException ignored) {
                // the socket is going anyway
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // as above
            }
        }
    }
}
