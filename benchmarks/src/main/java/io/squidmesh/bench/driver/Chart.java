package io.squidmesh.bench.driver;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** chart.png: throughput (top) and p99 latency (bottom) against runs (or chains) in flight, log2 axis. */
final class Chart {

    private Chart() {
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> results, Path file) throws Exception {
        XYSeries w1 = new XYSeries("W1 Squid Mesh steps/s"), b1 = new XYSeries("B1 MDB chain hops/s"),
                b2 = new XYSeries("B2 DBOS steps/s");
        XYSeries w1p99 = new XYSeries("W1 run p99 (ms)"), w1hop = new XYSeries("W1 hop p99 (ms)"),
                b1p99 = new XYSeries("B1 hop p99 (ms)"), b2p99 = new XYSeries("B2 run p99 (ms)");
        for (Map<String, Object> r : (List<Map<String, Object>>) results.get("w1")) {
            double n = num(r.get("in_flight"));
            w1.add(n, num(r.get("steps_per_s")));
            w1p99.add(n, num(((Map<String, Object>) r.get("run_latency")).get("p99_ms")));
            w1hop.add(n, num(((Map<String, Object>) r.get("hop_latency")).get("p99_ms")));
        }
        for (Map<String, Object> r : (List<Map<String, Object>>) results.get("b1")) {
            double n = num(r.get("chains"));
            b1.add(n, num(r.get("hops_per_s")));
            b1p99.add(n, num(((Map<String, Object>) r.get("hop_latency")).get("p99_ms")));
        }
        Object b2levels = results.get("b2") instanceof Map<?, ?> m ? m.get("levels") : null;
        if (b2levels != null) {
            for (Map<String, Object> r : (List<Map<String, Object>>) b2levels) {
                double n = num(r.get("in_flight"));
                b2.add(n, num(r.get("steps_per_s")));
                b2p99.add(n, num(((Map<String, Object>) r.get("run_latency")).get("p99_ms")));
            }
        }
        LogAxis x = new LogAxis("runs (chains) in flight");
        x.setBase(2);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        LogAxis latency = new LogAxis("p99 latency (ms, log)");
        latency.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.add(subplot(new NumberAxis("per second"), w1, b1, b2), 1);
        plot.add(subplot(latency, w1p99, w1hop, b1p99, b2p99), 1);
        JFreeChart chart = new JFreeChart("Squid Mesh on WildFly + PostgreSQL XA + Artemis: throughput and p99 latency",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 800);
    }

    private static XYPlot subplot(org.jfree.chart.axis.ValueAxis axis, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        return new XYPlot(data, null, axis, new XYLineAndShapeRenderer(true, true));
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }
}
