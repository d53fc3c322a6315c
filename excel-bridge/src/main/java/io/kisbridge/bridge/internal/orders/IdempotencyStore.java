package io.kisbridge.bridge.internal.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.OrderResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order idempotency keys, persisted so a restarted bridge never sends a second order for a key it already used.
 * An append-only file of JSON lines, {@code <state-dir>/orders/idempotency.jsonl} (rw-------): a {@code pending}
 * record is written and forced to disk before a request goes to KIS, then {@code done} (with the order result) or
 * {@code failed}; {@code released} forgets a key refused before sending. At start-up the last record of each key
 * wins, records older than the retention (24 h) are dropped and the file is rewritten compacted.
 */
final class IdempotencyStore {
    static final Duration RETENTION = Duration.ofHours(24);
    static final String FILE = "orders/idempotency.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    enum State { PENDING, DONE, FAILED }

    /** The last known state of a key. {@code amount} is what the order counted against the day's limits. */
    record Entry(String key, Instant at, State state, OrderDesk.Ticket ticket, long amount, OrderResult result,
                 String error) {
    }

    private final Path file;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private IdempotencyStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Loads (and compacts) the store under {@code stateDir}. */
    static IdempotencyStore open(Path stateDir, Clock clock) {
        IdempotencyStore s = new IdempotencyStore(stateDir.resolve(FILE), clock);
        try {
            s.load();
            s.rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the order idempotency store " + s.file, e);
        }
        return s;
    }

    Path file() {
        return file;
    }

    synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Before sending: if this cannot be written, nothing must be sent. */
    synchronized void pending(String key, OrderDesk.Ticket ticket, long amount) throws IOException {
        append(new Entry(key, clock.instant(), State.PENDING, ticket, amount, null, null));
    }

    synchronized void done(String key, OrderResult result) {
        Entry p = entries.get(key);
        appendQuietly(new Entry(key, clock.instant(), State.DONE, p == null ? null : p.ticket(),
                p == null ? 0 : p.amount(), result, null));
    }

    synchronized void failed(String key, OrderDesk.Ticket ticket, String error) {
        Entry p = entries.get(key);
        appendQuietly(new Entry(key, clock.instant(), State.FAILED, ticket, p == null ? 0 : p.amount(), null, error));
    }

    /** The request never reached KIS: the key may be used again. */
    synchronized void released(String key) {
        if (entries.containsKey(key)) {
            appendQuietly(new Entry(key, clock.instant(), null, null, 0, null, null));
        }
    }

    private void appendQuietly(Entry e) {
        try {
            append(e);
        } catch (IOException ex) {
            // The in-memory answer still holds for this process; only a restart could forget the key.
            LOG.error("cannot record Idempotency-Key state in {}: {}", file, ex.toString());
        }
    }

    private void append(Entry e) throws IOException {
        byte[] line = (JSON.writeValueAsString(toJson(e)) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(false);
        }
        apply(e);
    }

    private void apply(Entry e) {
        if (e.state() == null) {
            entries.remove(e.key());
        } else {
            entries.remove(e.key());
            entries.put(e.key(), e);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Instant oldest = clock.instant().minus(RETENTION);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                Entry e = fromJson(JSON.readTree(line));
                apply(e);
            } catch (IOException | RuntimeException ex) {
                LOG.warn("skipping an unreadable line of {} (a write cut short?)", file);
            }
        }
        entries.values().removeIf(e -> e.at().isBefore(oldest));
    }

    private void rewrite() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        createUserOnly(tmp);
        StringBuilder b = new StringBuilder();
        for (Entry e : entries.values()) {
            b.append(JSON.writeValueAsString(toJson(e))).append('\n');
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createUserOnly(Path p) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> userOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(p, userOnly);
        } else {
            Files.createFile(p);
        }
    }

    private static ObjectNode toJson(Entry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", e.key());
        o.put("at", e.at().toString());
        o.put("state", e.state() == null ? "released" : e.state().name().toLowerCase(java.util.Locale.ROOT));
        if (e.ticket() != null) {
            o.set("ticket", JSON.valueToTree(e.ticket()));
        }
        o.put("amount", e.amount());
        if (e.result() != null) {
            o.set("result", JSON.valueToTree(e.result()));
        }
        if (e.error() != null) {
            o.put("error", e.error());
        }
        return o;
    }

    private static Entry fromJson(JsonNode n) throws IOException {
        String state = n.path("state").asText();
        OrderDesk.Ticket t = n.hasNonNull("ticket") ? JSON.treeToValue(n.get("ticket"), OrderDesk.Ticket.class) : null;
        OrderResult r = n.hasNonNull("result") ? JSON.treeToValue(n.get("result"), OrderResult.class) : null;
        return new Entry(n.path("key").asText(), Instant.parse(n.path("at").asText()),
                "released".equals(state) ? null : State.valueOf(state.toUpperCase(java.util.Locale.ROOT)), t,
                n.path("amount").asLong(), r, n.hasNonNull("error") ? n.get("error").asText() : null);
    }
}
