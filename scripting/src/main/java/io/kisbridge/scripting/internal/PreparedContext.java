package io.kisbridge.scripting.internal;

import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * A sandboxed context with the host API prelude installed but no run bound yet, so it can be built ahead of time
 * (a spare context hides the warm start). {@code out} is redirected to the run once bound.
 */
public record PreparedContext(Context context, HostApi host, Value bindArgs, Redirect out) {

    /** Output that goes nowhere until the run's sink is set. */
    public static final class Redirect extends OutputStream {
        private volatile OutputStream target = OutputStream.nullOutputStream();

        public void to(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            target.flush();
        }
    }
}
