/**
 * Internal: access tokens (file cache, minute rule, single flight), the WebSocket approval key and order hashkeys.
 * Not part of the public API; use {@link io.kisbridge.core.KisClient}.
 */
package io.kisbridge.core.auth;
