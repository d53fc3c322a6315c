package io.kisbridge.core.realtime;

/** Connection state of the feed, pushed to status listeners and to every topic listener. */
public enum FeedState {
    /** Not started yet. */
    IDLE,
    /** Getting an approval key and opening the socket. */
    CONNECTING,
    /** Socket open; subscriptions (re)sent. */
    CONNECTED,
    /** The socket closed unexpectedly. */
    DISCONNECTED,
    /** Waiting out the backoff before the next attempt. */
    RECONNECTING,
    /** {@link RealtimeFeed#close()} was called. */
    CLOSED
}
