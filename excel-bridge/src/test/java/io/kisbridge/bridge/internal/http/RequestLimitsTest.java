package io.kisbridge.bridge.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {
    @Test
    void acceptsWellFormedPercentEncoding() {
        assertThat(RequestLimits.wellEncoded("/v1/fn/CALL/inquire-price/FID_INPUT_ISCD=005930%3BX=1")).isTrue();
        assertThat(RequestLimits.wellEncoded("/v1/fn/QUOTE/005930/%F0%9F%92%A3")).isTrue();
        assertThat(RequestLimits.wellEncoded("code=%00")).isTrue();
    }

    @Test
    void refusesAPercentNotFollowedByTwoHexDigits() {
        assertThat(RequestLimits.wellEncoded("/v1/fn/PRICE/%")).isFalse();
        assertThat(RequestLimits.wellEncoded("/v1/fn/PRICE/%2")).isFalse();
        assertThat(RequestLimits.wellEncoded("/v1/fn/PRICE/%zz")).isFalse();
        assertThat(RequestLimits.wellEncoded("/v1/fn/PRICE/%u0030")).isFalse();
    }
}
