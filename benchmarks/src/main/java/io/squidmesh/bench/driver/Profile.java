package io.squidmesh.bench.driver;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the server's CPU went during W1 at 128 in flight: JFR execution samples, grouped three ways. */
final class Profile {

    private static final String[][] LAYERS = {
            {"io.squidmesh.", "Squid Mesh engine"},
            {"org.hibernate.", "Hibernate ORM"},
            {"org.postgresql.", "PostgreSQL JDBC driver"},
            {"org.apache.activemq.", "Artemis (JMS)"},
            {"com.arjuna.", "Narayana (JTA/XA)"},
            {"org.jboss.jca.", "IronJacamar (pools, XA wrappers)"},
            {"org.jboss.weld.", "Weld (CDI)"},
            {"com.fasterxml.jackson.", "Jackson (JSON)"},
            {"org.jboss.as.ejb3.", "EJB container"},
            {"org.jboss.invocation.", "EJB container"},
            {"org.jboss.ejb", "EJB container"},
            {"io.netty.", "Netty (Artemis transport)"},
            {"org.jboss.logmanager.", "logging"},
            {"org.wildfly.", "WildFly"},
            {"org.jboss.", "JBoss other"},
    };

    private Profile() {
    }

    static Map<String, Object> analyse(Path recording) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.exists(recording)) {
            out.put("error", "no recording at " + recording);
            return out;
        }
        Map<String, Integer> leaves = new HashMap<>(), layers = new HashMap<>(), engine = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                leaves.merge(name(frames.get(0)), 1, Integer::sum);
                String layer = "JDK / other";
                for (RecordedFrame frame : frames) {
                    String type = frame.getMethod().getType().getName();
                    String found = null;
                    for (String[] l : LAYERS) {
                        if (type.startsWith(l[0])) {
                            found = l[1];
                            break;
                        }
                    }
                    if (found != null) {
                        layer = found;
                        break;
                    }
                }
                layers.merge(layer, 1, Integer::sum);
                for (RecordedFrame frame : frames) {
                    if (frame.getMethod().getType().getName().startsWith("io.squidmesh.")
                            && !frame.getMethod().getType().getName().startsWith("io.squidmesh.bench.")) {
                        engine.merge(name(frame), 1, Integer::sum);
                        break;
                    }
                }
            }
        } catch (Exception e) {
            out.put("error", e.toString());
            return out;
        }
        out.put("samples", samples);
        out.put("by_layer_pct", top(layers, samples, 12));
        out.put("top_leaf_frames_pct", top(leaves, samples, 12));
        out.put("innermost_engine_frame_pct", top(engine, samples, 10));
        return out;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Double> top(Map<String, Integer> counts, int total, int limit) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> out.put(e.getKey(), Stats.round(100.0 * e.getValue() / Math.max(1, total))));
        return out;
    }
}
