package io.kisbridge.core.realtime;

import java.util.List;

/** A decoded data frame: encryption flag, TR ID, the declared record count and the records. */
public record ParsedFrame(boolean encrypted, String trId, int declaredCount, List<RealtimeRecord> records) {

    /** True when any record's field count differs from its schema (tolerated, but worth counting). */
    public boolean hasFieldCountMismatch() {
        for (RealtimeRecord r : records) {
            if (!r.fieldCountMatches()) {
                return true;
            }
        }
        return false;
    }
}
