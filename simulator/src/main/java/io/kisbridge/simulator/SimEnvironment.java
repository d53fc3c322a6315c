package io.kisbridge.simulator;

/** The two KIS server families the simulator imitates side by side: real (실전) and paper (모의투자). */
public enum SimEnvironment {
    REAL,
    PAPER;

    /** Paper TR IDs replace a leading T, J or C with V (reference §2.2). */
    public String paperTrId(String realTrId) {
        char first = realTrId.charAt(0);
        return (first == 'T' || first == 'J' || first == 'C') ? "V" + realTrId.substring(1) : realTrId;
    }
}
