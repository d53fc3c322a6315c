package io.kisbridge.core.realtime;

/** The official sample frames of kis-reference.md §8 (prefix per §7.6). */
final class SampleFrames {
    static final String H0STCNT0_PAYLOAD = "005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^1^3052507"
            + "^219853241700^5105^6937^1832^84.90^1366314^1159996^1^0.39^20.28^090020^5^-200^090820^5^-500^092619^2^200"
            + "^20230612^20^N^65945^216924^1118750^2199206^0.05^2424142^125.92^0^^72100";
    static final String H0STCNT0 = "0|H0STCNT0|001|" + H0STCNT0_PAYLOAD;

    static final String H0STASP0 = "0|H0STASP0|001|005930^093730^0^71900^72000^72100^72200^72300^72400^72500^72600^72700"
            + "^72800^71800^71700^71600^71500^71400^71300^71200^71100^71000^70900^91918^117942^92673^79708^106729^141988"
            + "^176192^113906^134077^104229^95221^159371^220746^284657^212742^195370^182710^209747^376432^158171^1159362"
            + "^2095167^0^0^0^0^525579^-72000^5^-100.00^3159115^0^8^0^0^0";

    /** Decrypted legacy (23-field) notice samples of §8.3. */
    static final String NOTICE_ACCEPT_LEGACY = "HTS ID^1234567801^0000002891^^02^0^01^0^136480^0000000001^000000000^094941"
            + "^0^1^1^06010^000000001^김한투^하림^10^^하림^";
    static final String NOTICE_FILL_LEGACY = "HTS ID^1234567801^0000002891^^02^0^00^0^136480^0000000001^000003190^094941"
            + "^0^2^2^06010^000000001^김한투^하림^10^^하림^000000000";
    /** A current-layout (26-field) fill built from the same values. */
    static final String NOTICE_FILL_CURRENT = "HTSUSER1^1234567801^0000002891^^02^0^00^0^136480^0000000001^000003190^094941"
            + "^0^2^2^06010^000000001^김한투^0^1^Y^   ^10^^하림^000003190";

    static final String KEY = "abcdefghijklmnopabcdefghijklmnop";
    static final String IV = "0123456789abcdef";

    private SampleFrames() {
    }
}
