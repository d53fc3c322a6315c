package io.kisbridge.simulator.market;

/**
 * A listed name of the simulated universe.
 *
 * @param level        plausible price level around which the seeded history is anchored (KRW)
 * @param listedShares listed shares (lstn_stcn), approximate
 */
public record Stock(String code, String name, String englishName, String market, String sector, long level,
                    long listedShares, long parValue) {

    public boolean kosdaq() {
        return "KOSDAQ".equals(market);
    }

    /** Standard code (std_pdno), e.g. KR7005930003: "KR7" + code + "00" + the ISIN check digit. */
    public String isin() {
        String body = "KR7" + code + "00";
        StringBuilder digits = new StringBuilder();
        for (char c : body.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return body + (10 - sum % 10) % 10;
    }
}
