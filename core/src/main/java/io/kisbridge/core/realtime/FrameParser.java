package io.kisbridge.core.realtime;

import io.kisbridge.core.realtime.FrameFormatException.Reason;
import io.kisbridge.core.realtime.internal.AesCbc;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Function;

/**
 * Parses KIS realtime data frames {@code E|TRID|NNN|PAYLOAD} (kis-reference.md §7.6). The payload is
 * split on {@code ^} exactly once into one array; each record is a view on its slice. For NNN > 1 the
 * records are concatenated without a separator, so record k holds fields {@code k*F .. k*F+F-1}.
 *
 * <p>Tolerance: a single-record frame may carry any number of fields (a 23-field execution notice
 * selects the older layout; others are read by position with missing fields null). A batched frame
 * must split evenly into NNN records. The only exception thrown is {@link FrameFormatException}.
 */
public final class FrameParser {
    private static final int MAX_DECLARED_COUNT = 9999;

    private FrameParser() {
    }

    /** Whether a text frame is a data frame (starts with {@code 0|} or {@code 1|}) rather than JSON control. */
    public static boolean isDataFrame(String text) {
        return text.length() > 1 && (text.charAt(0) == '0' || text.charAt(0) == '1') && text.charAt(1) == '|';
    }

    /** Parses a plain frame; an encrypted one fails with {@link Reason#NO_KEY}. */
    public static ParsedFrame parse(String frame) {
        return parse(frame, tr -> null);
    }

    /**
     * @param keys AES key/iv per TR ID (from the subscribe acks); may return null
     */
    public static ParsedFrame parse(String frame, Function<String, AesKey> keys) {
        if (frame == null) {
            throw new FrameFormatException(Reason.MALFORMED, null, "null frame");
        }
        int p1 = frame.indexOf('|');
        if (p1 != 1) {
            throw new FrameFormatException(Reason.MALFORMED, null, "no encryption flag");
        }
        char flag = frame.charAt(0);
        if (flag != '0' && flag != '1') {
            throw new FrameFormatException(Reason.MALFORMED, null, "encryption flag must be 0 or 1");
        }
        int p2 = frame.indexOf('|', p1 + 1);
        if (p2 < 0) {
            throw new FrameFormatException(Reason.MALFORMED, null, "truncated after the flag");
        }
        int p3 = frame.indexOf('|', p2 + 1);
        if (p2 == p1 + 1) {
            throw new FrameFormatException(Reason.MALFORMED, null, "empty TR ID");
        }
        if (p3 < 0) {
            throw new FrameFormatException(Reason.MALFORMED, safeTr(frame.substring(p1 + 1, p2)), "truncated after the TR ID");
        }
        RealtimeSchema schema = null;
        String trId = knownTrId(frame, p1 + 1, p2);
        if (trId != null) {
            schema = RealtimeSchemas.lookup(trId);
        }
        int count = parseCount(frame, p2 + 1, p3);
        if (count < 1) {
            throw new FrameFormatException(Reason.MALFORMED, safeTr(frame.substring(p1 + 1, p2)),
                    "record count must be 1..9999");
        }
        if (schema == null) {
            throw new FrameFormatException(Reason.UNKNOWN_TR_ID, safeTr(frame.substring(p1 + 1, p2)), null);
        }
        boolean encrypted = flag == '1';
        if (encrypted) {
            AesKey key = keys.apply(trId);
            if (key == null) {
                throw new FrameFormatException(Reason.NO_KEY, trId, null);
            }
            String plain;
            try {
                plain = AesCbc.decrypt(frame.substring(p3 + 1), key);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new FrameFormatException(Reason.DECRYPTION_FAILED, trId, e.getClass().getSimpleName());
            }
            return new ParsedFrame(true, trId, count, split(trId, schema, count, plain, 0));
        }
        return new ParsedFrame(false, trId, count, split(trId, schema, count, frame, p3 + 1));
    }

    private static final String[] KNOWN_TR_IDS = RealtimeSchemas.frameTrIds().toArray(String[]::new);

    /** The canonical TR ID string if the region names a known one (no substring on the hot path). */
    private static String knownTrId(String frame, int from, int to) {
        int len = to - from;
        for (String tr : KNOWN_TR_IDS) {
            if (tr.length() == len && frame.regionMatches(from, tr, 0, len)) {
                return tr;
            }
        }
        return null;
    }

    private static List<RealtimeRecord> split(String trId, RealtimeSchema schema, int count, String text, int from) {
        int[] starts = fieldStarts(text, from, count * schema.fieldCount());
        int total = starts.length - 1;
        if (count == 1) {
            RealtimeSchema layout = RealtimeSchemas.layoutFor(schema, total);
            return List.of(new RealtimeRecord(trId, layout, text, starts, 0, total));
        }
        if (total % count != 0) {
            throw new FrameFormatException(Reason.FIELD_COUNT, trId,
                    total + " fields do not split into " + count + " records");
        }
        int per = total / count;
        RealtimeSchema layout = RealtimeSchemas.layoutFor(schema, per);
        RealtimeRecord[] records = new RealtimeRecord[count];
        for (int k = 0; k < count; k++) {
            records[k] = new RealtimeRecord(trId, layout, text, starts, k * per, per);
        }
        return List.of(records);
    }

    /** Start offsets of every '^'-separated field from {@code from}, plus a sentinel (end + 1). One pass. */
    static int[] fieldStarts(String s, int from, int expectedFields) {
        // Sized for a well-formed frame so that the common case neither grows nor trims.
        int[] starts = new int[Math.max(2, Math.min(expectedFields, 1 << 16) + 1)];
        starts[0] = from;
        int n = 1;
        int len = s.length();
        for (int i = from; i < len; i++) {
            if (s.charAt(i) == '^') {
                if (n + 1 >= starts.length) {
                    // More fields than the schema expects: tolerated, the array grows.
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                }
                starts[n++] = i + 1;
            }
        }
        starts[n] = len + 1;
        return n + 1 == starts.length ? starts : java.util.Arrays.copyOf(starts, n + 1);
    }

    private static int parseCount(String s, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 4) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v <= MAX_DECLARED_COUNT ? v : -1;
    }

    /** TR IDs from a garbage frame may be anything; keep logs short and printable. */
    private static String safeTr(String trId) {
        String t = trId.length() > 16 ? trId.substring(0, 16) + "…" : trId;
        return t.replaceAll("[^A-Za-z0-9_]", "?");
    }
}
