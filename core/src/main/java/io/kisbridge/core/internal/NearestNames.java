package io.kisbridge.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The known names closest to a mistyped one: those containing it first, then by edit distance. */
public final class NearestNames {
    private NearestNames() {
    }

    public static List<String> of(String wanted, List<String> known, int limit) {
        String w = wanted.strip().toLowerCase(Locale.ROOT);
        return known.stream()
                .sorted(Comparator.comparingInt((String k) -> k.toLowerCase(Locale.ROOT).contains(w) && !w.isEmpty() ? 0 : 1)
                        .thenComparingInt(k -> distance(w, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
