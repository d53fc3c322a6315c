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

    /** ISIN-looking standard code (std_pdno), e.g. KR7005930003; the check digit is not computed (approximation). */
    public String isin() {
        return "KR7" + code + "00" + (Math.abs(code.hashCode()) % 10);
    }
}
