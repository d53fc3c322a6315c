package io.kisbridge.libreoffice;

import io.kisbridge.core.realtime.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** A {@link SimulatedBridge} for tests of other packages. */
public final class TestBridges {
    private TestBridges() {
    }

    public static Handle start(Path stateDir) {
        return new Handle(new SimulatedBridge(stateDir));
    }

    /** A loopback port nothing listens on (just closed). */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Handle implements AutoCloseable {
        private final SimulatedBridge b;

        Handle(SimulatedBridge b) {
            this.b = b;
        }

        public String url() {
            return b.url();
        }

        public boolean hasTopic(Topic t) {
            return b.feed().topics().containsKey(t);
        }

        /** One trade; answers its accumulated volume (acml_vol) as text. */
        public String tick(String code) {
            return b.sim.market().tick(code).h0stcnt0Fields().get(13);
        }

        public long lastPrice(String code) {
            return b.sim.market().lastPrice(code);
        }

        @Override
        public void close() {
            b.close();
        }
    }
}
