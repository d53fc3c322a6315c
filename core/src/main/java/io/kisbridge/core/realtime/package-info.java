/**
 * The KIS realtime (WebSocket) feed. Entry point: {@link io.kisbridge.core.realtime.RealtimeFeed}; topics
 * {@code trade:CODE}, {@code book:CODE}, {@code fills}; values {@link io.kisbridge.core.realtime.Trade},
 * {@link io.kisbridge.core.realtime.OrderBook}, {@link io.kisbridge.core.realtime.ExecutionNotice}; the field
 * layouts in {@link io.kisbridge.core.realtime.RealtimeSchemas}; the frame parser
 * {@link io.kisbridge.core.realtime.FrameParser}.
 */
package io.kisbridge.core.realtime;
