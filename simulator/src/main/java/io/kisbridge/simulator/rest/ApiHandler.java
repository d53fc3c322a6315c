package io.kisbridge.simulator.rest;

/** Answers one validated API request. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
