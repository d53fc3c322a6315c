package io.kisbridge.simulator.account;

/** Result of an order request: either accepted (order number, branch, time) or refused with a KIS-style message. */
public record OrderOutcome(boolean accepted, String odno, String branch, String time, String msgCd, String msg1) {
    static OrderOutcome ok(Order o, String msgCd, String msg1) {
        return new OrderOutcome(true, o.odno, o.branch, io.kisbridge.simulator.market.Fmt.time(o.time), msgCd, msg1);
    }

    static OrderOutcome refused(String msgCd, String msg1) {
        return new OrderOutcome(false, null, null, null, msgCd, msg1);
    }
}
