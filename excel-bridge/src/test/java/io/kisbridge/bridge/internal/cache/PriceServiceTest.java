package io.kisbridge.bridge.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.rest.HttpTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class PriceServiceTest {
    private static final String APP_KEY = "PSBRIDGEKEY0123456789abcdefghijklmno"; // 36
    private static final String APP_SECRET = "B".repeat(90) + "s".repeat(90);      // 180

    /** A KIS whose multprice answers wait for {@code release}; records how many codes each call carried. */
    static final class HeldKis implements HttpTransport {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> codesPerCall = new CopyOnWriteArrayList<>();

        @Override
        public Reply send(Request r) {
            if (r.uri().getPath().equals("/oauth2/tokenP")) {
                return reply("{\"access_token\":\"eyJ.FAKE\",\"token_type\":\"Bearer\",\"expires_in\":86400}");
            }
            List<String> codes = new ArrayList<>();
            for (String kv : r.uri().getRawQuery().split("&")) {
                if (kv.startsWith("FID_INPUT_ISCD_")) {
                    codes.add(kv.substring(kv.indexOf('=') + 1));
                }
            }
            codesPerCall.add(codes.size());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StringBuilder rows = new StringBuilder();
            for (String code : codes) {
                rows.append(rows.isEmpty() ? "" : ",").append("{\"inter_shrn_iscd\":\"").append(code)
                        .append("\",\"inter2_prpr\":\"").append(Long.parseLong(code) + 1).append("\"}");
            }
            return reply("{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output\":[" + rows + "]}");
        }

        private static Reply reply(String body) {
            return new Reply(200, Map.of("content-type", "application/json"), body);
        }
    }

    @Test
    void whileEverySenderWaitsTheOpenBatchKeepsTakingCodesAndGoesOutFull(@TempDir Path dir) throws Exception {
        HeldKis kis = new HeldKis();
        KisConfig config = KisConfig.builder().environment(KisEnvironment.REAL).appKey(APP_KEY).appSecret(APP_SECRET)
                .account("50012345-01").restUrl("http://127.0.0.1:1").stateDir(dir).build();
        int busy = PriceService.MAX_CALLS_IN_FLIGHT * PriceService.MULTPRICE_MAX_CODES;
        List<Future<String>> answers = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try (KisClient client = KisClient.builder(config).transport(kis).build();
             PriceService prices = new PriceService(client, Duration.ofMinutes(1), Duration.ofMillis(100),
                     System::nanoTime);
             ExecutorService cells = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int i = 0; i < busy + 30; i++) {
                    String code = String.format("%06d", 100_000 + i);
                    codes.add(code);
                    if (i == busy || i == busy + 10 || i == busy + 20) {
                        // every sender is held; the next ten codes arrive only after the open batch's window
                        // ended (a long window, so that under load the first 120 cells cannot split a batch)
                        await().until(() -> kis.codesPerCall.size() == PriceService.MAX_CALLS_IN_FLIGHT);
                        int expected = i - busy;
                        await().until(() -> prices.pendingCodes() == expected
                                && (expected == 0 || prices.pendingDue()));
                    }
                    answers.add(cells.submit(() -> prices.price(code)));
                }
                // the last ten cells have joined: the open batch reached 30 and is closed, still unsent
                await().until(() -> prices.pendingCodes() == 0
                        && kis.codesPerCall.size() == PriceService.MAX_CALLS_IN_FLIGHT);
            } finally {
                kis.release.countDown();
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(Long.toString(Long.parseLong(codes.get(i)) + 1));
            }
        }
        assertThat(kis.codesPerCall).hasSize(PriceService.MAX_CALLS_IN_FLIGHT + 1).containsOnly(30);
    }
}
