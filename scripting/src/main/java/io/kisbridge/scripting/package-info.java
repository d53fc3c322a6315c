/** Scripting: JavaScript and Python automation over the KIS catalog, the realtime feed and published cells. */
package io.kisbridge.scripting;
