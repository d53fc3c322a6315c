/**
 * Internal: HTTP transport, the shared rate limiter, response-to-exception mapping, and the executor that runs
 * any {@link io.kisbridge.core.Catalog} entry with paging. Not part of the public API; use
 * {@link io.kisbridge.core.KisClient}. ({@link io.kisbridge.core.rest.HttpTransport} and
 * {@link io.kisbridge.core.rest.RateLimiter} are exposed through {@code KisClient.Builder} for tests and embedding.)
 */
package io.kisbridge.core.rest;
