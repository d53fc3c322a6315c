package io.kisbridge.bench.internal;

import java.util.Collection;
import java.util.List;

/** Medians over runs (the mean of the two middle values for an even count). */
public final class Stats {
    private Stats() {
    }

    public static double median(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static long max(Collection<? extends Number> values) {
        return values.stream().mapToLong(Number::longValue).max().orElseThrow();
    }
}
