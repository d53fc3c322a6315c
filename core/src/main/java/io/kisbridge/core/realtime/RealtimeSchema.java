package io.kisbridge.core.realtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered field list of one realtime TR layout. {@code layout} distinguishes versions of the same
 * TR (H0STCNI0 has a current 26-field and an older 23-field layout).
 */
public final class RealtimeSchema {
    private final String trId;
    private final String layout;
    private final List<Field> fields;
    private final Map<String, Integer> indexByCode;

    RealtimeSchema(String trId, String layout, List<Field> fields) {
        this.trId = trId;
        this.layout = layout;
        this.fields = List.copyOf(fields);
        this.indexByCode = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            Field f = this.fields.get(i);
            if (f.index() != i) {
                throw new IllegalArgumentException(trId + ": field " + f.code() + " declared at " + f.index() + ", listed at " + i);
            }
            if (indexByCode.put(f.code(), i) != null) {
                throw new IllegalArgumentException(trId + ": duplicate field " + f.code());
            }
        }
    }

    public String trId() {
        return trId;
    }

    public String layout() {
        return layout;
    }

    public List<Field> fields() {
        return fields;
    }

    public int fieldCount() {
        return fields.size();
    }

    /** Index of the field with this KIS code (case-sensitive, upper case), or -1. */
    public int indexOf(String code) {
        Integer i = indexByCode.get(code);
        return i == null ? -1 : i;
    }

    @Override
    public String toString() {
        return trId + "/" + layout + "(" + fields.size() + " fields)";
    }
}
