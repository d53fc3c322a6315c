package io.kisbridge.core.realtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a data frame, read by position against its schema. It is a view on the frame's split
 * fields (no copy). When the record has fewer fields than the schema, the missing ones read as null;
 * extra trailing fields (a newer layout) are ignored by name lookups but counted in {@link #size()}.
 */
public final class RealtimeRecord {
    private final String trId;
    private final RealtimeSchema schema;
    private final String[] values;
    private final int offset;
    private final int size;

    RealtimeRecord(String trId, RealtimeSchema schema, String[] values, int offset, int size) {
        this.trId = trId;
        this.schema = schema;
        this.values = values;
        this.offset = offset;
        this.size = size;
    }

    /** The frame's TR ID (H0STCNI9 for paper notices, though the schema is H0STCNI0's). */
    public String trId() {
        return trId;
    }

    public RealtimeSchema schema() {
        return schema;
    }

    /** Number of values this record actually carried. */
    public int size() {
        return size;
    }

    public boolean fieldCountMatches() {
        return size == schema.fieldCount();
    }

    /** Raw text at a schema position, or null if the record is shorter. */
    public String text(int index) {
        return index >= 0 && index < size ? values[offset + index] : null;
    }

    /** Raw text of the field with this KIS code, or null if unknown or missing. */
    public String text(String code) {
        return text(schema.indexOf(code));
    }

    /** Typed value of a field (see {@link FieldType}); null if unknown, missing, empty or unparsable. */
    public Object value(String code) {
        int i = schema.indexOf(code);
        return i < 0 ? null : schema.fields().get(i).type().convert(text(i));
    }

    long longAt(int index) {
        String t = text(index);
        return t == null ? 0 : FieldType.parseLong(t, 0);
    }

    double doubleAt(int index) {
        String t = text(index);
        if (t == null || t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Field code → typed value, in schema order (every schema field present; missing ones null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(schema.fieldCount() * 2);
        for (Field f : schema.fields()) {
            m.put(f.code(), f.type().convert(text(f.index())));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Field code → raw text, in schema order. */
    public Map<String, String> toTextMap() {
        Map<String, String> m = new LinkedHashMap<>(schema.fieldCount() * 2);
        for (Field f : schema.fields()) {
            m.put(f.code(), text(f.index()));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Deliberately without values: execution notices carry account numbers. */
    @Override
    public String toString() {
        return "RealtimeRecord[" + trId + ", " + size + "/" + schema.fieldCount() + " fields]";
    }
}
