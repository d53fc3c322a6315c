package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Drives issuance, calls, errors, renewal and an order against the simulator and reads every core log line. */
@Timeout(60)
class MaskingIT {
    @TempDir
    Path stateDir;

    @Test
    void coreNeverLogsOrThrowsKeysSecretsTokensApprovalKeysOrAccountNumbers() throws Exception {
        Logger core = (Logger) LoggerFactory.getLogger("io.kisbridge.core");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level previous = core.getLevel();
        core.setLevel(Level.TRACE);
        core.addAppender(appender);
        List<String> texts = new ArrayList<>();
        String token;
        String approval;
        DemoCredentials creds;
        try (SimFixture fx = new SimFixture(stateDir); KisClient c = fx.client(KisEnvironment.REAL)) {
            creds = fx.sim.credentials(SimEnvironment.REAL);
            texts.add(c.toString());
            c.currentPrice("005930");
            c.balance();
            approval = c.approvalKey();
            texts.add(String.valueOf(catchThrowable(() -> c.call("inquire-price", Map.of("FID_INPUT_ISCD", "")))));
            texts.add(String.valueOf(catchThrowable(() -> c.call("inquire-price", Map.of("BAD", "x")))));
            fx.clock.advance(Duration.ofMinutes(5));
            fx.sim.faults().expireTokens();
            c.buy("005930", 1, fx.restingBuyPrice("005930"));
            fx.sim.faults().rateLimitNext(2);
            c.currentPrice("005930");
            token = new String(Files.readAllBytes(c.tokenCacheFile()));
            texts.add(String.valueOf(catchThrowable(() -> KisConfig.builder().appKey(creds.appKey())
                    .appSecret(creds.appSecret() + "x").build())));
        } finally {
            core.detachAppender(appender);
            core.setLevel(previous);
        }
        for (ILoggingEvent e : appender.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        String accessToken = io.kisbridge.core.internal.Json.parse(token).orElseThrow().get("access_token").asText();
        assertThat(accessToken).isNotBlank();
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("Issued a new access token"))
                .anySatisfy(m -> assertThat(m).contains("EGW00201"));
        String all = String.join("\n", texts);
        assertThat(all).doesNotContain(creds.appKey()).doesNotContain(creds.appSecret()).doesNotContain(accessToken)
                .doesNotContain(approval).doesNotContain(creds.cano()).doesNotContain(creds.accountNumber());
    }
}
