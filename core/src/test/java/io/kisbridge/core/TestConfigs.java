package io.kisbridge.core;

import java.nio.file.Path;
import java.time.Clock;

/** Fake credentials of the right shape (never real ones). */
final class TestConfigs {
    static final String APP_KEY = "PSAPPKEY0123456789abcdefghijklmnopqr";               // 36
    static final String APP_SECRET = "S".repeat(60) + "e".repeat(60) + "c".repeat(59) + "Z"; // 180
    static final String ACCOUNT = "50012345-01";

    private TestConfigs() {
    }

    static KisConfig.Builder builder(Path stateDir, KisEnvironment env, Clock clock) {
        return KisConfig.builder().environment(env).appKey(APP_KEY).appSecret(APP_SECRET).account(ACCOUNT)
                .htsId("demo_user").restUrl("http://127.0.0.1:1").stateDir(stateDir).clock(clock);
    }
}
