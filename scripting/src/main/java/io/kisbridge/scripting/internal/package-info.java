/** Internals of the scripting runtime (engines, event loop, the host API object, value conversion); don't depend on them. */
package io.kisbridge.scripting.internal;
