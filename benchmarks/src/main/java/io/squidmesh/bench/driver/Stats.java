package io.squidmesh.bench.driver;

import io.squidmesh.bench.server.Latencies;

import java.util.List;
import java.util.Map;

final class Stats {

    private Stats() {
    }

    static Map<String, Object> summary(List<Double> samples) {
        return Latencies.summarise(samples.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
