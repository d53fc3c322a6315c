/** Internals of the realtime feed (AES, backoff, listener queues): not API, may change without notice. */
package io.kisbridge.core.realtime.internal;
