/**
 * The simulator's KIS WebSocket server ({@link io.kisbridge.simulator.ws.WebSocketGateway}), on Jetty's WebSocket
 * API so that pong frames are seen and so that it shares no code with the client's Java-WebSocket.
 */
package io.kisbridge.simulator.ws;
