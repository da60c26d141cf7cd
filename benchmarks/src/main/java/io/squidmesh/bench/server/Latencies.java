package io.squidmesh.bench.server;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A growable array of latency samples (milliseconds) with percentiles; synchronized, cheap enough at these rates. */
public final class Latencies {

    private double[] values = new double[1024];
    private int size;

    public synchronized void add(double millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public synchronized void clear() {
        size = 0;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized Map<String, Object> summary() {
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return summarise(sorted);
    }

    /** Samples, p50, p99 and max of sorted latencies in milliseconds; the driver summarises its own samples with it. */
    public static Map<String, Object> summarise(double[] sorted) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", sorted.length);
        out.put("p50_ms", percentile(sorted, 0.50));
        out.put("p99_ms", percentile(sorted, 0.99));
        out.put("max_ms", sorted.length == 0 ? null : round(sorted[sorted.length - 1]));
        return out;
    }

    static Double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
