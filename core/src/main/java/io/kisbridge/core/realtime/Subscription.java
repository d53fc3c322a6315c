package io.kisbridge.core.realtime;

/** A listener's hold on a topic; closing it releases the reference (the last one unregisters at KIS). */
public interface Subscription extends AutoCloseable {
    Topic topic();

    /** Current registration state of the topic. */
    TopicState state();

    @Override
    void close();
}
