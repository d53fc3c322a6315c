package io.kisbridge.simulator.ws;

/**
 * WebSocket control responses of kis-reference.md §7.5. The OPSP9990–9999 row of the reference lists ten
 * messages for ten codes in order; their one-to-one pairing below is our reading of that row (unverified).
 */
enum ControlCode {
    SUBSCRIBE_SUCCESS("OPSP0000", "0", "SUBSCRIBE SUCCESS"),
    UNSUBSCRIBE_SUCCESS("OPSP0001", "0", "UNSUBSCRIBE SUCCESS"),
    ALREADY_IN_SUBSCRIBE("OPSP0002", "1", "ALREADY IN SUBSCRIBE"),
    UNSUBSCRIBE_NOT_FOUND("OPSP0003", "1", "UNSUBSCRIBE ERROR(not found!)"),
    SUBSCRIBE_INTERNAL_ERROR("OPSP0007", "1", "SUBSCRIBE INTERNAL ERROR"),
    MAX_SUBSCRIBE_OVER("OPSP0008", "1", "MAX SUBSCRIBE OVER"),
    MCI_SEND_FAILED("OPSP0009", "1", "SUBSCRIBE ERROR : mci send failed"),
    INVALID_APPKEY_WARNING("OPSP0010", "1", "SUBSCRIBE WARNNING : invalid appkey"),
    INVALID_APPROVAL("OPSP0011", "1", "invalid approval(appkey) : NOT FOUND"),
    INVALID_TR_ID("OPSP8991", "1", "SUBSCRIBE ERROR : invalid tr_id"),
    INVALID_TR_KEY("OPSP8992", "1", "SUBSCRIBE ERROR : invalid tr_key"),
    JSON_INVALID_TR_KEY("OPSP8993", "1", "JSON PARSING ERROR : invalid tr_key"),
    ALREADY_IN_USE_APPKEY("OPSP8996", "9", "ALREADY IN USE appkey"),
    INVALID_TR_TYPE("OPSP8997", "1", "JSON PARSING ERROR : invalid tr_type"),
    INVALID_CUSTTYPE("OPSP8998", "1", "JSON PARSING ERROR : invalid custtype"),
    TR_KEY_NOT_FOUND("OPSP9990", "1", "JSON PARSING ERROR : tr_key not found"),
    INPUT_NOT_FOUND("OPSP9991", "1", "JSON PARSING ERROR : input not found"),
    BODY_NOT_FOUND("OPSP9992", "1", "JSON PARSING ERROR : body not found"),
    INTERNAL_ERROR("OPSP9993", "1", "JSON PARSING ERROR : internal error"),
    INVALID_APPKEY("OPSP9994", "1", "JSON PARSING ERROR : INVALID appkey"),
    RESOURCE_NOT_AVAILABLE("OPSP9995", "1", "JSON PARSING ERROR : resource not available"),
    APPKEY_NOT_FOUND("OPSP9996", "1", "JSON PARSING ERROR : appkey not found"),
    CUSTTYPE_NOT_FOUND("OPSP9997", "1", "JSON PARSING ERROR : custtype not found"),
    HEADER_NOT_FOUND("OPSP9998", "1", "JSON PARSING ERROR : header not found"),
    INVALID_JSON("OPSP9999", "1", "JSON PARSING ERROR : invalid json format");

    final String msgCd;
    final String rtCd;
    final String msg1;

    ControlCode(String msgCd, String rtCd, String msg1) {
        this.msgCd = msgCd;
        this.rtCd = rtCd;
        this.msg1 = msg1;
    }
}
