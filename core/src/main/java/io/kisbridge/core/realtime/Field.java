package io.kisbridge.core.realtime;

/** One position of a realtime record: index in the record, KIS code, English meaning and value type. */
public record Field(int index, String code, String meaning, FieldType type) {
}
