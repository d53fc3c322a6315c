package io.kisbridge.catalogimport.realtime;

import java.util.List;

/**
 * One realtime subscribe function of a {@code *_functions_ws.py} file, as written there: its section title and
 * doc id, the TR ID sent in real and paper trading ({@code paperTrId} null when the function offers no paper
 * branch) and the ordered columns of its data records.
 */
public record WsFunction(String group, String function, String title, String docId, String realTrId,
        String paperTrId, List<Column> columns) {

    /** A column code as written (case kept) and the Korean name from a trailing comment, or null. */
    public record Column(String code, String name) {
    }

    public WsFunction {
        columns = List.copyOf(columns);
    }
}
