package io.kisbridge.core.realtime.internal;

/** A JSON control message from KIS (kis-reference.md §7.4–7.5), as decoded by {@link ControlCodec}. */
public sealed interface ControlMessage permits ControlMessage.Malformed, ControlMessage.PingPong, ControlMessage.Ack {

    /** Not JSON, or JSON without a header. */
    record Malformed() implements ControlMessage {
    }

    /** The server's heartbeat; answered by echoing the text back. */
    record PingPong() implements ControlMessage {
    }

    /**
     * The answer to a subscribe/unsubscribe request (or an error about the session). {@code key}/{@code iv} are
     * the AES key and iv of the TR when the output carried both, else null.
     */
    record Ack(String trId, String trKey, String msgCd, String msg1, String key, String iv) implements ControlMessage {
        public AckCode code() {
            return AckCode.of(msgCd);
        }

        public boolean carriesKey() {
            return key != null && iv != null;
        }

        @Override
        public String toString() {
            return "Ack[" + trId + " " + msgCd + " " + msg1 + "]";
        }
    }
}
