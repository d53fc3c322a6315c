package io.kisbridge.bridge.workbook.internal;

import java.util.List;
import java.util.Map;

/** One function call as the function set sees it; identical cells share one key and one call. */
public record CallKey(String function, List<String> args, Map<String, String> named) {
    public CallKey {
        args = List.copyOf(args);
        named = Map.copyOf(named);
    }

    @Override
    public String toString() {
        return "KIS." + function + "(" + String.join(", ", args) + (named.isEmpty() ? "" : ", " + named) + ")";
    }
}
