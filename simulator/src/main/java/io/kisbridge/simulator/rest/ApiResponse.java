package io.kisbridge.simulator.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: HTTP status, JSON body (insertion-ordered) and the tr_cont response header. */
public record ApiResponse(int status, Map<String, Object> body, String trCont) {

    public static final String QUOTE_OK = "정상처리 되었습니다!";
    /** KIS pads account-inquiry messages with spaces; the exact width is unverified (we pad to 40 chars). */
    public static final String INQUIRY_OK = padMsg("조회가 완료되었습니다");

    public static Map<String, Object> envelope(String rtCd, String msgCd, String msg1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rt_cd", rtCd);
        m.put("msg_cd", msgCd);
        m.put("msg1", msg1);
        return m;
    }

    public static ApiResponse ok(String msgCd, String msg1, Object... blocks) {
        Map<String, Object> ordered = envelope("0", msgCd, msg1);
        for (int i = 0; i + 1 < blocks.length; i += 2) {
            ordered.put((String) blocks[i], blocks[i + 1]);
        }
        return new ApiResponse(200, ordered, "");
    }

    public static ApiResponse quote(Object... blocks) {
        return ok("MCA00000", QUOTE_OK, blocks);
    }

    /** Business refusal: HTTP 200, rt_cd "1". */
    public static ApiResponse business(String msgCd, String msg1) {
        return new ApiResponse(200, envelope("1", msgCd, msg1), "");
    }

    /**
     * Gateway/system refusal: HTTP 500 with the envelope. Unverified (reference §11): 500 is what several projects
     * observed for EGW errors, some saw 200; clients must parse the body on any status.
     */
    public static ApiResponse gateway(String msgCd, String msg1) {
        return new ApiResponse(500, envelope("1", msgCd, msg1), "");
    }

    public ApiResponse withTrCont(String value) {
        return new ApiResponse(status, body, value);
    }

    public static String padMsg(String s) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < 40) b.append(' ');
        return b.toString();
    }
}
