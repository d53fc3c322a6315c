package io.kisbridge.core.realtime.internal;

/** What the feed does about an ack's {@code msg_cd} (kis-reference.md §7.5). */
public enum AckCode {
    /** OPSP0000 subscribe success (carries key/iv), OPSP0002 already subscribed (harmless). */
    SUBSCRIBED,
    /** OPSP0001 unsubscribe success, OPSP0003 nothing to unsubscribe. */
    UNSUBSCRIBED,
    /** OPSP0008 {@code MAX SUBSCRIBE OVER}. */
    CAP_REACHED,
    /** OPSP0010/0011/9994/9996: the approval key (or app key) is refused; reconnect with a fresh one. */
    KEY_REFUSED,
    /** OPSP8996: another session uses this app key; retry later. */
    APP_KEY_IN_USE,
    /** Anything else: this registration failed. */
    REFUSED;

    public static AckCode of(String msgCd) {
        return switch (msgCd) {
            case "OPSP0000", "OPSP0002" -> SUBSCRIBED;
            case "OPSP0001", "OPSP0003" -> UNSUBSCRIBED;
            case "OPSP0008" -> CAP_REACHED;
            case "OPSP0010", "OPSP0011", "OPSP9994", "OPSP9996" -> KEY_REFUSED;
            case "OPSP8996" -> APP_KEY_IN_USE;
            default -> REFUSED;
        };
    }
}
