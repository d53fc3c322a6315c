package io.kisbridge.core;

import static io.kisbridge.core.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.kisbridge.core.internal.Ticker;
import io.kisbridge.core.rest.RateLimiter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SecretMaskingTest {
    private static final String TOKEN = "eyJ.SECRET-ACCESS-TOKEN-VALUE";
    private static final String APPROVAL = "a2585daf-8c09-4587-9fce-8ab893000001";

    @TempDir
    Path stateDir;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    @Test
    void noSecretReachesLogsExceptionsOrToStringDuringIssuanceCallsAndErrors() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
        FakeTransport fake = new FakeTransport();
        fake.always("/oauth2/tokenP", r -> json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":86400}"));
        String price = "/uapi/domestic-stock/v1/quotations/inquire-price";
        fake.once(price, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당 거래건수를 초과하였습니다.\"}"));
        fake.once(price, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00123\",\"msg1\":\"기간이 만료된 token 입니다.\"}"));
        fake.always(price, r -> json(200, FakeTransport.OK));
        String balance = "/uapi/domestic-stock/v1/trading/inquire-balance";
        fake.always(balance, r -> json(200, "{\"rt_cd\":\"1\",\"msg_cd\":\"OPSQ2000\",\"msg1\":\"ERROR : INPUT INVALID_CHECK_ACNO\"}"));
        fake.always("/uapi/domestic-stock/v1/trading/order-cash", r -> new io.kisbridge.core.rest.HttpTransport.Reply(502, Map.of(), "<html/>"));

        KisConfig config = TestConfigs.builder(stateDir, KisEnvironment.REAL, clock).build();
        List<String> texts = new ArrayList<>();
        texts.add(config.toString());
        try (KisClient client = KisClient.builder(config).transport(fake).sleeper(clock.sleeper())
                .rateLimiter(new RateLimiter(1000, Duration.ofSeconds(1), Ticker.SYSTEM)).build()) {
            texts.add(client.toString());
            client.currentPrice("005930");
            texts.add(client.approvalKey().equals(APPROVAL) ? "approval ok" : "approval differs");
            texts.add(String.valueOf(catchThrowable(client::balance)));
            texts.add(String.valueOf(catchThrowable(() -> client.buy("005930", 1, 70000))));
            texts.add(fake.requests.get(0).toString());
        }
        texts.add(String.valueOf(catchThrowable(() -> TestConfigs.builder(stateDir, KisEnvironment.REAL, clock)
                .appKey(TestConfigs.APP_KEY + "x").build())));
        texts.add(String.valueOf(catchThrowable(() -> AccountNumber.parse("50012345-0"))));
        for (ILoggingEvent e : appender.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        assertThat(appender.list).as("something was logged").isNotEmpty();
        assertThat(appender.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("Issued a new access token"));
        assertThat(String.join("\n", texts)).doesNotContain(TestConfigs.APP_KEY).doesNotContain(TestConfigs.APP_SECRET)
                .doesNotContain(TOKEN).doesNotContain(APPROVAL).doesNotContain("50012345").doesNotContain("abc123hash")
                .contains("OPSQ2000").contains("EGW00201");
    }
}
