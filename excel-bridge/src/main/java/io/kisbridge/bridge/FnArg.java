package io.kisbridge.bridge;

import java.util.List;

/**
 * One argument of a cell function.
 *
 * @param name         the name used in "Name=Value" option strings (case-insensitive) and in functions.json
 * @param type         how the value is checked and normalised
 * @param optional     may be left out
 * @param defaultValue used when left out (null = nothing)
 * @param description  one English line
 * @param aliases      other accepted option names (e.g. Per for period)
 */
public record FnArg(String name, Type type, boolean optional, String defaultValue, String description,
                    List<String> aliases) {
    /** Argument types; the add-in maps them to Office.js types (all strings except BOOL and NUMBER). */
    public enum Type { STRING, CODE, CODES, DATE, TIME, NUMBER, BOOL, FIELD, FIELDS, PARAMS }

    public FnArg {
        aliases = List.copyOf(aliases);
    }

    public static FnArg required(String name, Type type, String description) {
        return new FnArg(name, type, false, null, description, List.of());
    }

    public static FnArg optional(String name, Type type, String defaultValue, String description, String... aliases) {
        return new FnArg(name, type, true, defaultValue, description, List.of(aliases));
    }

    public boolean answersTo(String key) {
        return name.equalsIgnoreCase(key) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(key));
    }
}
