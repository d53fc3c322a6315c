package io.kisbridge.bench.internal;

import java.util.Arrays;

/** A growable array of longs (no boxing on the measuring path); one writer at a time. */
public final class LongList {
    private long[] items = new long[1024];
    private int size;

    public void add(long v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[size++] = v;
    }

    public int size() {
        return size;
    }

    public long get(int i) {
        return items[i];
    }

    public void addAll(LongList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.items[i]);
        }
    }

    public long[] toSortedArray() {
        long[] a = Arrays.copyOf(items, size);
        Arrays.sort(a);
        return a;
    }
}
