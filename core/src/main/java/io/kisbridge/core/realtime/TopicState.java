package io.kisbridge.core.realtime;

/** Registration state of one topic. */
public enum TopicState {
    /** Requested; waiting for the connection or the subscribe ack. */
    PENDING,
    /** Acknowledged by KIS (OPSP0000, or OPSP0002 already subscribed). */
    SUBSCRIBED,
    /** Over the registration cap (client-side cap or OPSP0008 MAX SUBSCRIBE OVER): no realtime data. */
    OVERFLOW,
    /** Over the cap, served instead by REST polling of the current price (trade topics, when enabled). */
    POLLING,
    /** KIS refused the registration for another reason (detail in the event). */
    ERROR,
    /** Waiting for the connection to come back. */
    RECONNECTING
}
