package io.kisbridge.core.realtime;

/**
 * One position of a realtime record: index in the record, KIS code, meaning (our English description, or KIS's
 * Korean name where we wrote none), value type, KIS's Korean name and a friendly alias (or null).
 */
public record Field(int index, String code, String meaning, FieldType type, String name, String alias) {

    public Field(int index, String code, String meaning, FieldType type) {
        this(index, code, meaning, type, null, null);
    }
}
