package io.kisbridge.bench.internal;

/** One open {@code /v1/stream} socket of a bench client, whatever library it runs on. */
public interface StreamConnection {
    /** Receives a whole text message and the {@code System.nanoTime()} read when its last part arrived. */
    interface Handler {
        void onMessage(String text, long receivedNanos);
    }

    /** Sends {@code {"op":"subscribe","topic":...}} and returns once it has been handed to the socket. */
    void subscribe(String topic);

    /** Closes the socket and waits (briefly) for the close handshake. */
    void disconnect() throws InterruptedException;
}
