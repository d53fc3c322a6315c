package io.kisbridge.bridge;

/**
 * Totals of {@code /v1/stream} since the bridge started, over every socket.
 *
 * @param messages  texts handed to sockets (one WebSocket frame each)
 * @param batches   drains that sent them: a socket sends everything pending at once, as one write where the frames
 *                  fit ({@code messages / batches} is the mean batch)
 * @param conflated trade/book values replaced by a newer one before a slow socket could take them (latest wins)
 * @param dropped   ordered messages (fills, statuses, script values) dropped because a socket had too many waiting
 * @param encodings events turned into JSON (once per event, whatever the number of sockets)
 * @param recordsDropped trade/book records a {@code "conflate":false} socket did not get because its outbox was
 *                  full (each gap is reported to the socket as {@code {"topic":..,"status":"dropped","count":N}})
 * @param gaps      those gaps: runs of dropped records of one topic on one socket, each reported once
 */
public record StreamCounters(long messages, long batches, long conflated, long dropped, long encodings,
                             long recordsDropped, long gaps) {
}
