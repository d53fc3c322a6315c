package io.kisbridge.bridge.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.OrderResult;
import io.kisbridge.simulator.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyStoreTest {
    private static final OrderDesk.Ticket TICKET = new OrderDesk.Ticket("order", "005930", "buy", 1, 70_000, "", "");

    @Test
    void theLastRecordOfAKeyWinsAfterReopeningAndReleasedKeysAreForgotten(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-03T01:00:00Z"));
        IdempotencyStore s = IdempotencyStore.open(dir, clock);
        s.pending("a", TICKET, 70_000);
        s.done("a", new OrderResult("06010", "0000000001", "100000"));
        s.pending("b", TICKET, 70_000);
        s.pending("c", TICKET, 70_000);
        s.released("c");
        s.failed("d", TICKET, "#N/A KIS APBK0656 해당 종목정보가 없습니다.");

        IdempotencyStore reopened = IdempotencyStore.open(dir, clock);
        assertThat(reopened.entries()).extracting(IdempotencyStore.Entry::key).containsExactly("a", "b", "d");
        IdempotencyStore.Entry a = reopened.entries().getFirst();
        assertThat(a.state()).isEqualTo(IdempotencyStore.State.DONE);
        assertThat(a.result().orderNumber()).isEqualTo("0000000001");
        assertThat(a.ticket()).isEqualTo(TICKET);
        assertThat(a.amount()).isEqualTo(70_000);
        assertThat(reopened.entries().get(1).state()).isEqualTo(IdempotencyStore.State.PENDING);
        assertThat(reopened.entries().get(2).error()).contains("APBK0656");
        // compacted on open: one line per live key
        assertThat(Files.readAllLines(reopened.file())).hasSize(3);
    }

    @Test
    void entriesOlderThanADayArePrunedAndATornLastLineIsSkipped(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-03T01:00:00Z"));
        IdempotencyStore s = IdempotencyStore.open(dir, clock);
        s.pending("old", TICKET, 70_000);
        clock.advance(Duration.ofHours(20));
        s.pending("recent", TICKET, 70_000);
        Files.writeString(s.file(), "{\"key\":\"torn\",\"at\":\"2026-03", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        clock.advance(Duration.ofHours(5));

        IdempotencyStore reopened = IdempotencyStore.open(dir, clock);
        assertThat(reopened.entries()).extracting(IdempotencyStore.Entry::key).containsExactly("recent");
    }
}
