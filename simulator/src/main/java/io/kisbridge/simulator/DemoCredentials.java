package io.kisbridge.simulator;

/**
 * The fixed, fake demo credentials of one simulated environment. They only work against the simulator,
 * so printing them in a banner is fine; {@link #toString()} still masks them like real ones.
 *
 * @param appKey        36 characters
 * @param appSecret     180 characters
 * @param accountNumber {@code "50012345-01"} (CANO-ACNT_PRDT_CD)
 * @param htsId         HTS user id (tr_key of the execution notice stream, user_id of condition search)
 */
public record DemoCredentials(String appKey, String appSecret, String accountNumber, String htsId) {

    /** First 8 digits of the account number (CANO). */
    public String cano() {
        return accountNumber.substring(0, 8);
    }

    /** Last 2 digits of the account number (ACNT_PRDT_CD). */
    public String productCode() {
        return accountNumber.substring(9);
    }

    @Override
    public String toString() {
        return "DemoCredentials[appKey=" + mask(appKey) + ", appSecret=****, accountNumber="
                + accountNumber.substring(0, 2) + "******-**, htsId=" + htsId + "]";
    }

    private static String mask(String s) {
        return s.length() <= 4 ? "****" : s.substring(0, 4) + "****";
    }
}
