package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.rest.HttpTransport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storm over 500 distinct codes (the simulator knows 57): a scripted KIS that knows every code, counts calls
 * per path and answers EGW00201 whenever more than 20 calls fall into one second, as KIS real does.
 */
@Timeout(60)
class PriceBatchingTest {
    private static final String APP_KEY = "PSBRIDGEKEY0123456789abcdefghijklmno"; // 36
    private static final String APP_SECRET = "B".repeat(90) + "s".repeat(90);      // 180

    /** Knows every code; the price is derived from the code so answers can be checked. */
    static final class ScriptedKis implements HttpTransport {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger rejections = new AtomicInteger();
        private final Deque<Long> window = new ArrayDeque<>();

        static long priceOf(String code) {
            return 1_000 + Long.parseLong(code) * 10;
        }

        @Override
        public Reply send(Request r) {
            String path = r.uri().getPath();
            calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.equals("/oauth2/tokenP")) {
                return reply(200, "{\"access_token\":\"eyJ.FAKE\",\"token_type\":\"Bearer\",\"expires_in\":86400}");
            }
            synchronized (window) {
                long now = System.nanoTime();
                while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                    window.removeFirst();
                }
                if (window.size() >= 20) {
                    rejections.incrementAndGet();
                    return reply(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00201\",\"msg1\":\"초당 거래건수를 초과하였습니다.\"}");
                }
                window.addLast(now);
            }
            Map<String, String> q = query(r.uri().getRawQuery());
            if (path.endsWith("/intstock-multprice")) {
                StringBuilder rows = new StringBuilder();
                for (int n = 1; n <= 30; n++) {
                    String code = q.get("FID_INPUT_ISCD_" + n);
                    if (code != null) {
                        rows.append(rows.isEmpty() ? "" : ",").append("{\"inter_shrn_iscd\":\"").append(code)
                                .append("\",\"inter2_prpr\":\"").append(priceOf(code)).append("\"}");
                    }
                }
                return reply(200, "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output\":[" + rows + "]}");
            }
            if (path.endsWith("/inquire-price")) {
                String code = q.get("FID_INPUT_ISCD");
                return reply(200, "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output\":{\"stck_prpr\":\""
                        + priceOf(code) + "\"}}");
            }
            return reply(404, "{\"rt_cd\":\"1\",\"msg_cd\":\"OPSQ0002\",\"msg1\":\"없는 서비스 코드\"}");
        }

        private static Reply reply(int status, String body) {
            return new Reply(status, Map.of("content-type", "application/json"), body);
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> out = new LinkedHashMap<>();
            if (raw != null) {
                for (String kv : raw.split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return out;
        }

        int calls(String suffix) {
            return calls.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                    .mapToInt(e -> e.getValue().get()).sum();
        }
    }

    @Test
    void tenThousandPriceCellsOverFiveHundredCodesNeedAboutSeventeenMultpriceCalls(@TempDir Path dir) throws Exception {
        ScriptedKis kis = new ScriptedKis();
        KisConfig config = KisConfig.builder().environment(KisEnvironment.REAL).appKey(APP_KEY).appSecret(APP_SECRET)
                .account("50012345-01").restUrl("http://127.0.0.1:1").stateDir(dir).build();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            codes.add(String.format("%06d", 100_000 + i * 7));
        }
        try (KisClient client = KisClient.builder(config).transport(kis).build();
             FunctionSet fns = FunctionSet.create(client, Duration.ofSeconds(30), Duration.ofMillis(5));
             ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                String code = codes.get((i * 31) % codes.size());
                results.add(ex.submit(() -> ((FnResult.Scalar) fns.invoke("PRICE", code)).value()));
            }
            for (int i = 0; i < results.size(); i++) {
                String code = codes.get((i * 31) % codes.size());
                assertThat(results.get(i).get()).isEqualTo(Long.toString(ScriptedKis.priceOf(code)));
            }
        }
        assertThat(kis.calls("/intstock-multprice")).isBetween(17, 40);
        assertThat(kis.calls("/inquire-price")).isZero();
        assertThat(kis.rejections).hasValue(0);
    }
}
