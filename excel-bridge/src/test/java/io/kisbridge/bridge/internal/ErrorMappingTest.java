package io.kisbridge.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisAuthException;
import io.kisbridge.core.KisConfigException;
import io.kisbridge.core.KisHttpException;
import io.kisbridge.core.KisInvalidRequestException;
import io.kisbridge.core.KisRateLimitException;
import io.kisbridge.core.KisTransportException;
import io.kisbridge.core.KisUnsupportedInPaperException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    @Test
    void badInputIsAValueErrorAndA400() {
        assertThat(ErrorMapping.map(BridgeException.badInput("code must be ...")))
                .isEqualTo(new ErrorMapping.Mapped(400, "#VALUE!", "bad_input", "code must be ..."));
        assertThat(ErrorMapping.map(new KisInvalidRequestException("Unknown KIS API 'x'")).cellText())
                .isEqualTo("#VALUE! Unknown KIS API 'x'");
        assertThat(ErrorMapping.map(new KisApiException("MCA05918", "종목코드 오류입니다.", "FHKST01010100", 200)).cellText())
                .isEqualTo("#VALUE! KIS MCA05918 종목코드 오류입니다.");
    }

    @Test
    void unavailableOrLimitedDataIsNotAvailable() {
        assertThat(ErrorMapping.map(new KisUnsupportedInPaperException("inquire-psbl-sell")))
                .isEqualTo(new ErrorMapping.Mapped(501, "#N/A", "not_in_paper",
                        "not available in paper trading: inquire-psbl-sell"));
        assertThat(ErrorMapping.map(new KisApiException("90000000", "모의투자에서는 해당업무가 제공되지 않습니다.", "X", 200)).kind())
                .isEqualTo("not_in_paper");
        assertThat(ErrorMapping.map(new KisRateLimitException("FHKST01010100", 3)).status()).isEqualTo(429);
        assertThat(ErrorMapping.map(new KisApiException("EGW00123", "기간이 만료된 token", "X", 500)).cellText())
                .startsWith("#N/A KIS EGW00123");
        assertThat(ErrorMapping.map(new KisAuthException("EGW00103", "bad key")).cellError()).isEqualTo("#N/A");
        assertThat(ErrorMapping.map(new KisHttpException(503, "X", "html")).status()).isEqualTo(502);
        assertThat(ErrorMapping.map(new KisTransportException("refused", null)).status()).isEqualTo(504);
        assertThat(ErrorMapping.map(new KisConfigException("KIS_ACCOUNT", "KIS_ACCOUNT is not set")).cellText())
                .isEqualTo("#N/A KIS_ACCOUNT is not set");
        assertThat(ErrorMapping.map(BridgeException.notAvailable("no rows")).status()).isEqualTo(404);
    }

    @Test
    void unexpectedFailuresHideTheirDetails() {
        assertThat(ErrorMapping.map(new NullPointerException("secret detail")).cellText())
                .isEqualTo("#N/A internal error in the bridge (see its log)");
    }
}
