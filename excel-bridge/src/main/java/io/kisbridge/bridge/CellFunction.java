package io.kisbridge.bridge;

import java.util.List;
import java.util.Map;

/**
 * One KIS.* cell function: its signature (for the function list, functions.json and help) and how to run it.
 *
 * @param name        upper-case name without the KIS. prefix (PRICE, HISTORY, CALL ...)
 * @param description one English line
 * @param args        arguments in positional order
 * @param shape       SCALAR or TABLE (a function with an optional field argument answers a scalar when it is given)
 * @param api         the catalog API it calls (null for CALL, which reaches them all)
 * @param invoker     runs it with the arguments already bound by name (defaults applied, checked)
 */
public record CellFunction(String name, String description, List<FnArg> args, Shape shape, String api,
                           Invoker invoker) {
    public enum Shape { SCALAR, TABLE }

    /** Runs a function with its bound arguments (absent optional arguments are missing from the map). */
    @FunctionalInterface
    public interface Invoker {
        FnResult invoke(Map<String, String> args);
    }

    public CellFunction {
        args = List.copyOf(args);
    }
}
