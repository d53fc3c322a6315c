/** Internal helpers (masking, JSON, number parsing, time sources). Do not depend on them. */
package io.kisbridge.core.internal;
