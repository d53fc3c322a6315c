package io.kisbridge.cli;

import io.kisbridge.core.KisClient;

/** A KisClient from the shared flags: the user's configuration, or the embedded simulator for --env demo. */
final class KisSession implements AutoCloseable {
    private final KisClient client;
    private final DemoSession demo;

    private KisSession(KisClient client, DemoSession demo) {
        this.client = client;
        this.demo = demo;
    }

    static KisSession open(ConfigOptions config, long demoSeed) {
        if (config.isDemo()) {
            DemoSession d = DemoSession.start(demoSeed);
            return new KisSession(d.client(), d);
        }
        return new KisSession(KisClient.create(config.load()), null);
    }

    KisClient client() {
        return client;
    }

    @Override
    public void close() {
        if (demo != null) {
            demo.close();
        } else {
            client.close();
        }
    }
}
