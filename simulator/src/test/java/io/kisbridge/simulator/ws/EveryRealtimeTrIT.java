package io.kisbridge.simulator.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.market.PriceRules;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every realtime TR the simulator serves, spoken to with the JDK's WebSocket client (no core classes). */
@Timeout(60)
class EveryRealtimeTrIT {
    private static final String CODE = "005930";

    private KisSimulator sim;
    private final List<TestWsClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = KisSimulator.builder().seed(5).autoTicks(false).pingInterval(Duration.ofHours(1)).start();
    }

    @AfterEach
    void stop() {
        clients.forEach(TestWsClient::close);
        sim.close();
    }

    private TestWsClient connect(SimEnvironment env) throws Exception {
        TestWsClient c = new TestWsClient(sim.wsUrl(env), TestWsClient.PingMode.ECHO_TEXT);
        clients.add(c);
        return c;
    }

    private String approvalKey(SimEnvironment env) {
        return sim.context().approvalKeys().issue(env, sim.credentials(env).appKey());
    }

    private static String keyFor(ServedTrs.Served tr) {
        return tr.key() == ServedTrs.Key.INDEX ? "0001" : CODE;
    }

    /** The values of the latest data frame of a TR that matches, split into fields. */
    private static String[] latest(TestWsClient c, String trId, int skip) {
        String frame = c.await(m -> m.startsWith("0|" + trId + "|") && c.messages.stream()
                .filter(x -> x.startsWith("0|" + trId + "|")).count() > skip);
        List<String> all = c.messages.stream().filter(x -> x.startsWith("0|" + trId + "|")).toList();
        frame = all.get(all.size() - 1);
        return frame.split("\\|", 4)[3].split("\\^", -1);
    }

    @Test
    void theServedTableAndTheSchemaDataNameTheSameTrs() throws Exception {
        Set<String> data = new HashSet<>();
        try (InputStream in = SchemaFiles.class.getResourceAsStream("/io/kisbridge/simulator/ws/schemas/index.json")) {
            TestWsClient.JSON.readTree(in).path("trIds").forEach(n -> data.add(n.asText()));
        }
        Set<String> served = new HashSet<>();
        ServedTrs.realTrIds().forEach(served::add);

        assertThat(served).hasSize(26).isEqualTo(data);
    }

    @Test
    void everyServedTrAnswersWithARecordOfEveryFieldOfItsLayoutInItsType() throws Exception {
        TestWsClient c = connect(SimEnvironment.REAL);
        String key = approvalKey(SimEnvironment.REAL);
        List<ServedTrs.Served> market = new ArrayList<>();
        for (String id : ServedTrs.realTrIds()) {
            ServedTrs.Served tr = ServedTrs.find(id, false).orElseThrow();
            if (tr.source() != ServedTrs.Source.NOTICE) {
                market.add(tr);
                c.request(key, "1", id, keyFor(tr));
            }
        }
        // every registration acknowledged before the tick, or a loaded machine ticks before the last one lands
        c.await(m -> c.messages.stream().filter(x -> x.contains("\"OPSP0000\"")).count() >= market.size());
        sim.market().tick(CODE);

        for (ServedTrs.Served tr : market) {
            String[] values = latest(c, tr.trId(), 0);
            List<SchemaFiles.FieldSpec> fields = SchemaFiles.fields(tr.trId());
            assertThat(values).as(tr.trId()).hasSize(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                assertThat(values[i]).as(tr.trId() + "." + fields.get(i).code()).matches(typePattern(fields.get(i).type()));
            }
        }
    }

    private static Pattern typePattern(String type) {
        return Pattern.compile(switch (type) {
            case "integer" -> "-?\\d+";
            case "decimal", "rate" -> "-?\\d+(\\.\\d+)?";
            case "sign" -> "[1-5]";
            case "time" -> "\\d{6}";
            case "date" -> "\\d{8}";
            case "code" -> "[0-9A-Za-z]*";
            default -> ".*";
        }, Pattern.DOTALL);
    }

    @Test
    void nxtTradesSitOnTheTickGridWithinTwoTicksOfTheKrxPrice() throws Exception {
        TestWsClient c = connect(SimEnvironment.REAL);
        String key = approvalKey(SimEnvironment.REAL);
        c.request(key, "1", "H0NXCNT0", CODE);
        c.request(key, "1", "H0UNCNT0", CODE);
        c.awaitControl("OPSP0000");
        for (int round = 1; round <= 5; round++) {
            sim.market().tick(CODE);
            long krx = sim.market().lastPrice(CODE);
            String[] nxt = latest(c, "H0NXCNT0", round);
            long price = Long.parseLong(nxt[2]);
            assertThat(PriceRules.isOnTick(price)).as("NXT %d on the grid", price).isTrue();
            assertThat(Math.abs(price - krx)).isLessThanOrEqualTo(2 * PriceRules.tickSize(krx) + 1);
            long base = price - Long.parseLong(nxt[4]);
            assertThat(base).as("the previous close is the KRX one").isEqualTo(krx - sim.market().quote(CODE).change());
            String[] integrated = latest(c, "H0UNCNT0", round);
            assertThat(Long.parseLong(integrated[2])).isEqualTo(krx);
            assertThat(Long.parseLong(integrated[13])).as("integrated volume = KRX + NXT")
                    .isEqualTo(sim.market().quote(CODE).volume() + Long.parseLong(nxt[13]));
        }
    }

    @Test
    void anIndexLevelMovesWithItsConstituentsAndItsCountsAddUp() throws Exception {
        TestWsClient c = connect(SimEnvironment.REAL);
        c.request(approvalKey(SimEnvironment.REAL), "1", "H0UPCNT0", "0001");
        c.awaitControl("OPSP0000");
        List<String> codes = sim.market().codes();
        for (int i = 0; i < 20; i++) {
            sim.market().tick(codes.get(i % codes.size()));
        }
        List<String> fields = SchemaFiles.codes("H0UPCNT0");
        String[] v = latest(c, "H0UPCNT0", 20);
        BigDecimal level = new BigDecimal(v[fields.indexOf("PRPR_NMIX")]);
        BigDecimal change = new BigDecimal(v[fields.indexOf("BSTP_NMIX_PRDY_VRSS")]);
        assertThat(level.subtract(change)).as("level - change = previous close").isEqualByComparingTo("2650.00");
        assertThat(level.doubleValue()).isBetween(2650 * 0.7, 2650 * 1.3);
        assertThat(new BigDecimal(v[fields.indexOf("NMIX_HGPR")])).isGreaterThanOrEqualTo(level);
        assertThat(new BigDecimal(v[fields.indexOf("NMIX_LWPR")])).isLessThanOrEqualTo(level);
        int counted = Integer.parseInt(v[fields.indexOf("ASCN_ISSU_CNT")]) + Integer.parseInt(v[fields.indexOf("STNR_ISSU_CNT")])
                + Integer.parseInt(v[fields.indexOf("DOWN_ISSU_CNT")]);
        long kospi = codes.stream().filter(code -> !sim.context().marketFeed().isKosdaq(code)).count();
        assertThat(counted).as("rising + flat + falling = the KOSPI names").isEqualTo((int) kospi);
    }

    @Test
    void trIdsAndKeysKisWouldRefuseAreRefused() throws Exception {
        TestWsClient real = connect(SimEnvironment.REAL);
        String key = approvalKey(SimEnvironment.REAL);
        // one character off, as a wrong entry in core's data would send it: the simulator's own table decides
        real.request(key, "1", "H0NXCNT9", CODE);
        JsonNode wrongTr = real.awaitControl("OPSP8991");
        assertThat(wrongTr.at("/header/tr_id").asText()).isEqualTo("H0NXCNT9");
        real.request(key, "1", "H0UPCNT0", "9999");
        assertThat(real.awaitControl("OPSP8992").at("/header/tr_key").asText()).isEqualTo("9999");

        TestWsClient paper = connect(SimEnvironment.PAPER);
        paper.request(approvalKey(SimEnvironment.PAPER), "1", "H0NXCNT0", CODE);
        assertThat(paper.awaitControl("OPSP8991").at("/header/tr_id").asText()).as("NXT is real only").isEqualTo("H0NXCNT0");
    }
}
