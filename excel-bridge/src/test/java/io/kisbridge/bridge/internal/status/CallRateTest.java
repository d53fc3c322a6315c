package io.kisbridge.bridge.internal.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallRateTest {
    @Test
    void givesEachClosedSecondTheCallsCountedSinceThePreviousSample() {
        CallRate rate = new CallRate(5);
        rate.sample(100, 10);
        rate.sample(101, 13);
        rate.sample(102, 13);
        rate.sample(103, 20);
        CallRate.Window w = rate.window();
        assertThat(w.endSecond()).isEqualTo(102);
        assertThat(w.counts()).containsExactly(0, 0, 3, 0, 7);
        assertThat(w.sum(2)).isEqualTo(7);
        assertThat(w.sum(60)).isEqualTo(10);
        assertThat(w.peak()).isEqualTo(7);
    }

    @Test
    void countsSkippedSecondsAsZeroAndGivesTheirCallsToTheLastOne() {
        CallRate rate = new CallRate(4);
        rate.sample(10, 0);
        rate.sample(11, 2);
        rate.sample(14, 9);
        assertThat(rate.window().counts()).containsExactly(2, 0, 0, 7);
        assertThat(rate.window().endSecond()).isEqualTo(13);
    }

    @Test
    void forgetsSecondsOlderThanTheWindowAfterAWrapAround() {
        CallRate rate = new CallRate(3);
        rate.sample(0, 0);
        for (int s = 1; s <= 10; s++) {
            rate.sample(s, s * 5L);
        }
        rate.sample(20, 51); // a long pause: every slot is rewritten
        assertThat(rate.window().counts()).containsExactly(0, 0, 1);
    }

    @Test
    void ignoresASecondSampleOfTheSameSecondAndAClockStepBack() {
        CallRate rate = new CallRate(3);
        rate.sample(5, 0);
        rate.sample(6, 4);
        rate.sample(6, 6);
        rate.sample(4, 7);
        rate.sample(7, 9);
        assertThat(rate.window().counts()).containsExactly(0, 4, 5);
    }

    @Test
    void answersAnEmptyWindowBeforeTwoSamples() {
        CallRate rate = new CallRate(3);
        assertThat(rate.window().counts()).containsExactly(0, 0, 0);
        rate.sample(1, 100);
        assertThat(rate.window().counts()).containsExactly(0, 0, 0);
        assertThat(rate.window().endSecond()).isZero();
    }
}
