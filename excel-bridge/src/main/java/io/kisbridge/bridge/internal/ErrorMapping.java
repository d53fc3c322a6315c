package io.kisbridge.bridge.internal;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisAuthException;
import io.kisbridge.core.KisConfigException;
import io.kisbridge.core.KisException;
import io.kisbridge.core.KisHttpException;
import io.kisbridge.core.KisInvalidRequestException;
import io.kisbridge.core.KisRateLimitException;
import io.kisbridge.core.KisTransportException;
import io.kisbridge.core.KisUnsupportedInPaperException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become answers: a spreadsheet error value with a reason ({@code #N/A ...} for data that
 * is unavailable, limited or not in paper; {@code #VALUE! ...} for bad input) and an HTTP status with a JSON error
 * kind for API routes. The table is in excel-bridge/README.md.
 */
public final class ErrorMapping {
    public static final String NA = "#N/A";
    public static final String VALUE = "#VALUE!";
    /** KIS message codes that mean "your input is wrong" rather than "no data". */
    private static final Set<String> KIS_INPUT_ERRORS = Set.of("MCA05918", "OPSQ2001", "OPSQ2002", "OPSQ0002");
    private static final String PAPER_REFUSAL = "90000000";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** How one failure is shown. */
    public record Mapped(int status, String cellError, String kind, String message) {
        /** What a cell shows, e.g. {@code #N/A not available in paper trading: inquire-price-2}. */
        public String cellText() {
            return cellError + " " + message;
        }
    }

    private ErrorMapping() {
    }

    public static Mapped map(Throwable t) {
        if (t instanceof BridgeException b) {
            return switch (b.kind()) {
                case BAD_INPUT -> new Mapped(400, VALUE, "bad_input", b.getMessage());
                case NOT_AVAILABLE -> new Mapped(404, NA, "not_available", b.getMessage());
                case FORBIDDEN -> new Mapped(403, VALUE, "forbidden", b.getMessage());
                case WAITING -> new Mapped(503, NA, "waiting", b.getMessage());
            };
        }
        if (t instanceof KisException k) {
            return mapKis(k);
        }
        LOG.error("unexpected failure", t);
        return new Mapped(500, NA, "internal", "internal error in the bridge (see its log)");
    }

    private static Mapped mapKis(KisException k) {
        return switch (k) {
            case KisInvalidRequestException e -> new Mapped(400, VALUE, "bad_input", e.getMessage());
            case KisUnsupportedInPaperException e -> new Mapped(501, NA, "not_in_paper",
                    "not available in paper trading: " + e.apiName());
            case KisApiException e when KIS_INPUT_ERRORS.contains(e.msgCd()) -> new Mapped(400, VALUE, "kis_input",
                    "KIS " + e.msgCd() + " " + e.msg1());
            case KisApiException e when PAPER_REFUSAL.equals(e.msgCd()) -> new Mapped(501, NA, "not_in_paper",
                    "not available in paper trading (KIS " + e.msgCd() + ")");
            case KisApiException e -> new Mapped(502, NA, "kis_error", "KIS " + e.msgCd() + " " + e.msg1());
            case KisRateLimitException e -> new Mapped(429, NA, "rate_limited",
                    "KIS rate limit (EGW00201), try again in a moment");
            case KisAuthException e -> new Mapped(502, NA, "auth", "KIS refused the credentials"
                    + (e.msgCd().isEmpty() ? "" : " (" + e.msgCd() + ")"));
            case KisHttpException e -> new Mapped(502, NA, "kis_http", "KIS answered HTTP " + e.status());
            case KisTransportException e -> new Mapped(504, NA, "unreachable", "KIS is unreachable: " + e.getMessage());
            case KisConfigException e -> new Mapped(503, NA, "config", e.getMessage());
        };
    }
}
