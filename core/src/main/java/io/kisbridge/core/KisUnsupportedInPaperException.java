package io.kisbridge.core;

/** The API does not exist in paper trading (모의투자 미지원); raised before any request is sent. */
public final class KisUnsupportedInPaperException extends KisException {
    private final String apiName;

    public KisUnsupportedInPaperException(String apiName) {
        super("The KIS API '" + apiName + "' is not available in paper trading (KIS_ENV=paper); "
                + "use a real-trading app key with KIS_ENV=real to call it");
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
