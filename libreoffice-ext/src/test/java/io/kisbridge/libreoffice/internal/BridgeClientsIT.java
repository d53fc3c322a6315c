package io.kisbridge.libreoffice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kisbridge.core.realtime.Topic;
import io.kisbridge.libreoffice.TestBridges;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The add-in's bridge clients without LibreOffice: a bridge on the simulator and listeners that record. */
class BridgeClientsIT {
    private TestBridges.Handle bridge;
    private final Notifier notifier = new Notifier();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start(@TempDir Path dir) {
        bridge = TestBridges.start(dir);
    }

    @AfterEach
    void stop() {
        notifier.close();
        bridge.close();
    }

    @Test
    void aStreamCellHearsEveryTradeAndItsLastListenerLeavingUnsubscribes() {
        try (LiveCells live = new LiveCells(URI.create(bridge.url()), http, notifier)) {
            CellResult r = (CellResult) LiveFunctions.open(live, "STREAM", new Object[] {"005930", "volume"});
            RecordingListener l = new RecordingListener();
            r.addResultListener(l);
            assertThat(l.values).containsExactly(CellValues.WAITING);
            // the KIS registration at the simulator follows the bridge's subscription: trade until one arrives
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                bridge.tick("005930");
                return l.last() instanceof Double;
            });

            String volume = bridge.tick("005930");
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> Double.valueOf(volume).equals(l.last()));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("volume " + volume + " never came; the cell heard " + l.values, e);
            }

            r.removeResultListener(l);
            assertThat(live.topics()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> !bridge.hasTopic(Topic.trade("005930")));
        }
    }

    @Test
    void pointCallsOfOneRecalculationGoOutAsOneBatch() {
        try (PointCalls points = new PointCalls(URI.create(bridge.url()), http, notifier, System::nanoTime)) {
            CellResult a = points.call("PRICE", List.of("005930"), false);
            CellResult b = points.call("QUOTE", List.of("000660", "price"), false);
            CellResult again = points.call("PRICE", List.of("005930"), false);
            assertThat(again).as("one result object per call, as Calc needs").isSameAs(a);
            RecordingListener la = new RecordingListener();
            RecordingListener lb = new RecordingListener();
            a.addResultListener(la);
            b.addResultListener(lb);
            await().atMost(Duration.ofSeconds(20)).until(() -> la.last() instanceof Double && lb.last() instanceof Double);
            assertThat(la.last()).isEqualTo((double) bridge.lastPrice("005930"));
            assertThat(lb.last()).isEqualTo((double) bridge.lastPrice("000660"));
            assertThat(points.batchesSent()).isEqualTo(1);
        }
    }

    @Test
    void aBridgeThatIsNotRunningIsNamedInTheCell() {
        URI nowhere = URI.create("http://127.0.0.1:" + TestBridges.closedPort());
        try (PointCalls points = new PointCalls(nowhere, http, notifier, System::nanoTime)) {
            CellResult a = points.call("PRICE", List.of("005930"), false);
            RecordingListener l = new RecordingListener();
            a.addResultListener(l);
            await().atMost(Duration.ofSeconds(20)).until(() -> CellValues.notRunning(nowhere).equals(l.last()));
        }
    }
}
