package io.kisbridge.bench.internal;

/** Percentiles of a sorted sample (nearest rank), in the sample's unit. */
public final class Percentiles {
    private Percentiles() {
    }

    /** The value at quantile {@code q} (0..1) of a sorted array; NaN when it is empty. */
    public static double at(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double median(double... values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
