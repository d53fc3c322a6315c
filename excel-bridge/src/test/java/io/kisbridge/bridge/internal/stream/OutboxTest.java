package io.kisbridge.bridge.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OutboxTest {
    private final SendCounters counters = new SendCounters();

    @Test
    void aNewerValueReplacesThePendingOneOfItsTopicAndKeepsItsPlace() {
        Outbox box = new Outbox(16, counters);
        box.offerLatest("trade:005930", "samsung-1");
        box.offerLatest("trade:000660", "hynix-1");
        box.offerLatest("trade:005930", "samsung-2");
        box.offerLatest("trade:005930", "samsung-3");

        assertThat(box.take()).containsExactly("samsung-3", "hynix-1");
        assertThat(counters.conflated.sum()).isEqualTo(2);
    }

    @Test
    void onlyTheFirstOfferIntoAnIdleOutboxStartsADrainUntilTakeFindsItEmpty() {
        Outbox box = new Outbox(16, counters);
        assertThat(box.offerLatest("trade:005930", "a")).isTrue();
        assertThat(box.offerOrdered(null, "b")).isFalse();
        assertThat(box.take()).containsExactly("a", "b");
        // the drain is still running until it finds nothing more
        assertThat(box.offerOrdered(null, "c")).isFalse();
        assertThat(box.take()).containsExactly("c");
        assertThat(box.take()).isEmpty();
        assertThat(box.offerOrdered(null, "d")).isTrue();
    }

    @Test
    void fillsAndStatusesAreNeverConflatedAndKeepTheirOrder() {
        Outbox box = new Outbox(16, counters);
        box.offerOrdered("fills", "fill-1");
        box.offerLatest("trade:005930", "price-1");
        box.offerOrdered("fills", "fill-2");
        box.offerOrdered(null, "feed-reconnecting");
        box.offerOrdered("fills", "fill-3");

        assertThat(box.take()).containsExactly("fill-1", "price-1", "fill-2", "feed-reconnecting", "fill-3");
        assertThat(counters.conflated.sum()).isZero();
    }

    @Test
    void aStatusOfATopicFencesItsPendingValueSoALaterValueIsNeverSentBeforeIt() {
        Outbox box = new Outbox(16, counters);
        box.offerLatest("trade:005930", "price-1");
        box.offerLatest("trade:000660", "hynix-1");
        box.offerOrdered("trade:005930", "status-reconnecting");
        box.offerLatest("trade:005930", "price-2");
        box.offerLatest("trade:005930", "price-3");
        box.offerLatest("trade:000660", "hynix-2");

        assertThat(box.take()).containsExactly("price-1", "hynix-2", "status-reconnecting", "price-3");
        assertThat(counters.conflated.sum()).isEqualTo(2);
    }

    @Test
    void beyondItsBoundTheOldestOrderedMessageIsDroppedAndCountedWhileValuesStay() {
        Outbox box = new Outbox(3, counters);
        box.offerOrdered("fills", "fill-1");
        box.offerLatest("trade:005930", "price-1");
        for (int i = 2; i <= 5; i++) {
            box.offerOrdered("fills", "fill-" + i);
        }

        assertThat(box.take()).containsExactly("price-1", "fill-3", "fill-4", "fill-5");
        assertThat(counters.dropped.sum()).isEqualTo(2);
        // the bound is on what waits, not on what was ever sent
        for (int i = 6; i <= 8; i++) {
            box.offerOrdered("fills", "fill-" + i);
        }
        assertThat(box.take()).containsExactly("fill-6", "fill-7", "fill-8");
        assertThat(counters.dropped.sum()).isEqualTo(2);
    }

    @Test
    void manyTopicsAndManyValuesStayBoundedByOneValuePerTopic() {
        Outbox box = new Outbox(16, counters);
        for (int round = 0; round < 1000; round++) {
            for (int topic = 0; topic < 41; topic++) {
                box.offerLatest("trade:" + topic, "value-" + round);
            }
        }
        assertThat(box.pending()).isEqualTo(41);
        assertThat(box.take()).hasSize(41).allMatch("value-999"::equals);
    }

    @Test
    void aClosedOutboxFreesWhatWaitsAndRefusesEverythingAfter() {
        Outbox box = new Outbox(16, counters);
        box.offerLatest("trade:005930", "price-1");
        box.offerOrdered("fills", "fill-1");

        box.close();

        assertThat(box.isClosed()).isTrue();
        assertThat(box.pending()).isZero();
        assertThat(box.offerLatest("trade:005930", "price-2")).isFalse();
        assertThat(box.offerOrdered("fills", "fill-2")).isFalse();
        assertThat(box.pending()).isZero();
        assertThat(box.take()).isEmpty();
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatThrownBy(() -> new Outbox(0, counters)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void everyRecordIsQueuedInOrderAndNeverReplaced() {
        Outbox box = new Outbox(16, 8, counters);
        box.offerEvery("trade:005930", "t1");
        box.offerLatest("trade:000660", "hynix-1");
        box.offerEvery("trade:005930", "t2");
        box.offerLatest("trade:000660", "hynix-2");
        box.offerEvery("trade:005930", "t3");

        assertThat(box.take()).containsExactly("t1", "hynix-2", "t2", "t3");
        assertThat(counters.conflated.sum()).isEqualTo(1);
        assertThat(counters.recordsDropped.sum()).isZero();
    }

    @Test
    void aFullOutboxDropsRecordsAndReportsTheGapOnceBeforeTheTopicsNextRecord() {
        Outbox box = new Outbox(16, 2, counters);
        box.offerEvery("trade:005930", "t1");
        box.offerEvery("trade:005930", "t2");
        box.offerEvery("trade:005930", "t3"); // full: dropped
        box.offerEvery("trade:005930", "t4"); // dropped, same gap
        box.offerOrdered("trade:005930", "status"); // statuses still go through

        assertThat(box.take()).containsExactly("t1", "t2", "status",
                "{\"topic\":\"trade:005930\",\"status\":\"dropped\",\"count\":2}");
        box.offerEvery("trade:005930", "t5");
        assertThat(box.take()).as("the gap was reported once").containsExactly("t5");
        assertThat(counters.recordsDropped.sum()).isEqualTo(2);
        assertThat(counters.gaps.sum()).isEqualTo(1);
    }

    @Test
    void aGapIsReportedInItsPlaceWhenTheTopicsNextRecordFitsBeforeTheNextTake() {
        Outbox box = new Outbox(16, 1, counters);
        box.offerEvery("trade:005930", "t1");
        box.offerEvery("trade:005930", "t2"); // dropped
        box.offerEvery("trade:000660", "h1"); // dropped: another topic's gap
        assertThat(box.take()).containsExactly("t1",
                "{\"topic\":\"trade:005930\",\"status\":\"dropped\",\"count\":1}",
                "{\"topic\":\"trade:000660\",\"status\":\"dropped\",\"count\":1}");
        box.offerEvery("trade:005930", "t3");
        box.offerEvery("trade:005930", "t4"); // dropped again: a second gap
        box.close();
        assertThat(counters.gaps.sum()).isEqualTo(3);
        assertThat(counters.recordsDropped.sum()).isEqualTo(3);
    }

    @Test
    void recordsLostBeforeTheOutboxAreReportedAsAGapInTheirPlaceAndMergeWithAnOpenOne() {
        Outbox box = new Outbox(16, 1, counters);
        box.offerEvery("trade:005930", "t1");
        assertThat(box.noteDropped("trade:005930", 5)).as("the drain is already running").isFalse();
        box.offerEvery("trade:005930", "t2"); // the outbox is full too: one more of the same gap
        assertThat(box.take()).containsExactly("t1",
                "{\"topic\":\"trade:005930\",\"status\":\"dropped\",\"count\":6}");
        assertThat(box.take()).isEmpty();
        assertThat(box.noteDropped("trade:005930", 3)).as("an idle outbox starts a drain").isTrue();
        box.offerEvery("trade:005930", "t3");
        assertThat(box.take()).containsExactly("{\"topic\":\"trade:005930\",\"status\":\"dropped\",\"count\":3}",
                "t3");
        assertThat(counters.recordsDropped.sum()).isEqualTo(9);
        assertThat(counters.gaps.sum()).isEqualTo(2);
    }
}
