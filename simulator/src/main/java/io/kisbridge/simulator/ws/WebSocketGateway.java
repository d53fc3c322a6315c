package io.kisbridge.simulator.ws;

import io.javalin.Javalin;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.internal.SimulatorContext;

/**
 * PLACEHOLDER owned by the realtime engineer, who replaces this body with the real KIS WebSocket server. It only
 * binds the port so that {@code wsUrl()} is meaningful; it speaks no protocol yet.
 */
public final class WebSocketGateway implements AutoCloseable {
    private final SimEnvironment env;
    private final SimulatorContext context;
    private Javalin app;

    public WebSocketGateway(SimEnvironment env, SimulatorContext context) {
        this.env = env;
        this.context = context;
    }

    public void start() {
        app = Javalin.create(cfg -> cfg.showJavalinBanner = false).start(context.host(), context.wsPort(env));
    }

    public int port() {
        return app.port();
    }

    public void dropAllSessions() {
        // placeholder: no sessions yet
    }

    public void broadcastRaw(String frame) {
        // placeholder: no sessions yet
    }

    @Override
    public void close() {
        if (app != null) app.stop();
    }
}
