package io.kisbridge.core;

import static io.kisbridge.core.TestConfigs.ACCOUNT;
import static io.kisbridge.core.TestConfigs.APP_KEY;
import static io.kisbridge.core.TestConfigs.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KisConfigTest {
    @TempDir
    Path stateDir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("KIS_APP_KEY", APP_KEY);
        env.put("KIS_APP_SECRET", APP_SECRET);
        env.put("KIS_ACCOUNT", "5001234501");
        env.put("KIS_HTS_ID", "demo");
        return env;
    }

    @Test
    void demoIsNotAKisEnvironmentBecauseTheCommandLineUsesItForTheSimulator() {
        assertThatThrownBy(() -> KisEnvironment.fromId("demo"))
                .isInstanceOf(KisConfigException.class)
                .hasMessageContaining("'real' or 'paper'");
        assertThat(KisEnvironment.fromId(" Paper ")).isEqualTo(KisEnvironment.PAPER);
    }

    @Test
    void loadsFromEnvironmentWithRealDefaults() {
        KisConfig c = KisConfig.load(Map.of(), env(), stateDir);
        assertThat(c.environment()).isEqualTo(KisEnvironment.REAL);
        assertThat(c.appKey()).isEqualTo(APP_KEY);
        assertThat(c.account()).contains(AccountNumber.parse("50012345-01"));
        assertThat(c.requestsPerSecond()).isEqualTo(20);
        assertThat(c.restUrl()).isEqualTo(KisEnvironment.REAL.defaultRestUrl());
        assertThat(c.stateDir()).isEqualTo(stateDir);
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheConfigFile() throws IOException {
        Path dir = stateDir.resolve("custom");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.properties"),
                "KIS_ENV=real\nKIS_HTS_ID=fromfile\nKIS_REST_URL=http://file-host:1\nKIS_ACCOUNT=11112222-03\n");
        Map<String, String> env = env();
        env.remove("KIS_HTS_ID");
        env.remove("KIS_ACCOUNT");
        env.put("KIS_ENV", "paper");
        env.put("KIS_REST_URL", "http://env-host:2");
        KisConfig c = KisConfig.load(Map.of("state-dir", dir.toString(), "rest-url", "http://flag-host:3"), env, stateDir);
        assertThat(c.stateDir()).isEqualTo(dir);
        assertThat(c.environment()).isEqualTo(KisEnvironment.PAPER);
        assertThat(c.restUrl()).isEqualTo("http://flag-host:3");
        assertThat(c.htsId()).contains("fromfile");
        assertThat(c.account().orElseThrow().productCode()).isEqualTo("03");
        assertThat(c.requestsPerSecond()).isEqualTo(2);
        assertThat(c.wsUrl()).isEqualTo(KisEnvironment.PAPER.defaultWsUrl());
    }

    @Test
    void namesTheMissingVariable() {
        Map<String, String> env = env();
        env.remove("KIS_APP_SECRET");
        assertThatThrownBy(() -> KisConfig.load(Map.of(), env, stateDir))
                .isInstanceOfSatisfying(KisConfigException.class, e -> {
                    assertThat(e.variable()).isEqualTo("KIS_APP_SECRET");
                    assertThat(e.getMessage()).contains("KIS_APP_SECRET").contains("180");
                });
    }

    @Test
    void rejectsAnAppKeyOfTheWrongLengthWithoutEchoingIt() {
        Map<String, String> env = env();
        env.put("KIS_APP_KEY", "tooShortKey");
        assertThatThrownBy(() -> KisConfig.load(Map.of(), env, stateDir))
                .isInstanceOfSatisfying(KisConfigException.class, e -> {
                    assertThat(e.variable()).isEqualTo("KIS_APP_KEY");
                    assertThat(e.getMessage()).contains("36").contains("11 characters").doesNotContain("tooShortKey");
                });
    }

    @Test
    void rejectsAnUnknownEnvironmentAndBadUrlsAndRates() {
        Map<String, String> env = env();
        env.put("KIS_ENV", "sandbox");
        assertThatThrownBy(() -> KisConfig.load(Map.of(), env, stateDir))
                .isInstanceOfSatisfying(KisConfigException.class, e -> assertThat(e.variable()).isEqualTo("KIS_ENV"));
        assertThatThrownBy(() -> KisConfig.load(Map.of("ws-url", "http://x:1"), env(), stateDir))
                .isInstanceOfSatisfying(KisConfigException.class, e -> assertThat(e.variable()).isEqualTo("KIS_WS_URL"));
        assertThatThrownBy(() -> KisConfig.load(Map.of("rate-limit", "0"), env(), stateDir))
                .isInstanceOfSatisfying(KisConfigException.class, e -> assertThat(e.variable()).isEqualTo("KIS_RATE_LIMIT"));
    }

    @Test
    void rejectsAMalformedAccount() {
        Map<String, String> env = env();
        env.put("KIS_ACCOUNT", "123");
        assertThatThrownBy(() -> KisConfig.load(Map.of(), env, stateDir))
                .isInstanceOfSatisfying(KisConfigException.class, e -> assertThat(e.variable()).isEqualTo("KIS_ACCOUNT"));
    }

    @Test
    void accountIsOptionalUntilAnAccountApiNeedsIt() {
        Map<String, String> env = env();
        env.remove("KIS_ACCOUNT");
        KisConfig c = KisConfig.load(Map.of(), env, stateDir);
        assertThatThrownBy(() -> c.requireAccount("inquire-balance"))
                .isInstanceOfSatisfying(KisConfigException.class, e -> {
                    assertThat(e.variable()).isEqualTo("KIS_ACCOUNT");
                    assertThat(e.getMessage()).contains("inquire-balance");
                });
    }

    @Test
    void masksSecretsAndAccountInToString() {
        KisConfig c = KisConfig.load(Map.of("rate-limit", "5"), env(), stateDir);
        assertThat(c.toString()).doesNotContain(APP_KEY).doesNotContain(APP_SECRET).doesNotContain("50012345")
                .contains("requestsPerSecond=5").contains("environment=real");
        assertThat(ACCOUNT).isNotEmpty();
    }
}
