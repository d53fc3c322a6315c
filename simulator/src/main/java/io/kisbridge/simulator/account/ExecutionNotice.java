package io.kisbridge.simulator.account;

import io.kisbridge.simulator.SimEnvironment;
import java.util.List;

/**
 * One H0STCNI0 (real) / H0STCNI9 (paper) record: the 26 values of the current layout (reference §8.3), plain text.
 * The gateway encrypts them for the session subscribed with {@code tr_key = htsId}.
 */
public record ExecutionNotice(String htsId, SimEnvironment environment, List<String> fields) {
    public ExecutionNotice {
        fields = List.copyOf(fields);
    }

    /** "1" acceptance/modify/cancel/reject, "2" fill. */
    public String cntgYn() {
        return fields.get(13);
    }

    public String orderNumber() {
        return fields.get(2);
    }
}
