package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.FrameParser;
import io.kisbridge.core.realtime.RealtimeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sorts the socket's text messages: data frames to the router, JSON to the control handler, the rest counted. */
public final class InboundDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);

    private final DataFrameRouter frames;
    private final ControlHandler control;
    private final FeedMetrics metrics;

    public InboundDispatcher(DataFrameRouter frames, ControlHandler control, FeedMetrics metrics) {
        this.frames = frames;
        this.control = control;
        this.metrics = metrics;
    }

    public void onText(String text, ControlHandler.Session session) {
        if (FrameParser.isDataFrame(text)) {
            frames.onDataFrame(text);
        } else if (text.startsWith("{")) {
            control.onControl(text, session);
        } else {
            long n = metrics.malformedFrames().incrementAndGet();
            if (n <= 5 || n % 1000 == 0) {
                LOG.warn("realtime: bad frame #{} ({} chars): neither a data frame nor JSON", n, text.length());
            }
        }
    }
}
