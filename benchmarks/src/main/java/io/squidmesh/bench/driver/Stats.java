package io.squidmesh.bench.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Stats {

    private Stats() {
    }

    static Map<String, Object> summary(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", sorted.length);
        out.put("p50_ms", percentile(sorted, 0.5));
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
