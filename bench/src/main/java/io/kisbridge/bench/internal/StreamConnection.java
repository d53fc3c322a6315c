package io.kisbridge.bench.internal;

/** One open {@code /v1/stream} socket of a bench client, whatever library it runs on. */
public interface StreamConnection {
    /** Receives a whole text message and the {@code System.nanoTime()} read when its last part arrived. */
    interface Handler {
        void onMessage(String text, long receivedNanos);
    }

    /** Sends {@code {"op":"subscribe","topic":...}} and returns once it has been handed to the socket. */
    default void subscribe(String topic) {
        subscribe(topic, true);
    }

    /** The same, with {@code "conflate":false} when {@code conflate} is false (every record, not the latest). */
    void subscribe(String topic, boolean conflate);

    /** The subscribe message. */
    static String subscribeMessage(String topic, boolean conflate) {
        return "{\"op\":\"subscribe\",\"topic\":\"" + topic + "\"" + (conflate ? "" : ",\"conflate\":false") + "}";
    }

    /** Closes the socket and waits (briefly) for the close handshake. */
    void disconnect() throws InterruptedException;
}
