package io.squidmesh.bench.driver;

import java.util.List;
import java.util.Locale;

/**
 * The capacity model of docs/scale-out.md (issue 21, item 5): what one step costs each process, measured on one
 * machine, projected onto N engine nodes of C cores, a broker of B cores and a PostgreSQL of P cores.
 * <p>
 * Each component can give at most {@code cores × 1000 ms × utilisation} CPU milliseconds a second; divided by what a
 * step costs it, that is the steps per second it can carry. The installation carries the smallest of the three, and
 * that component saturates first. The model is linear on purpose: the engine keeps no shared state in a node (every
 * node adds consumers and CPU), PostgreSQL and the broker are single instances whose per-step cost was measured
 * under load. What it leaves out is said in the doc: disk flushes, network round trips, and lock waits on one run's
 * row (steps of different runs never wait for each other).
 *
 * @param engineMsPerStep   CPU ms per step in the engine nodes (all node JVMs together; the embedded broker excluded)
 * @param brokerMsPerStep   CPU ms per step in the standalone broker
 * @param postgresMsPerStep CPU ms per step in all PostgreSQL processes
 * @param utilisation       the share of each component's CPU the projection may use (headroom for peaks), 0..1
 */
record CapacityModel(double engineMsPerStep, double brokerMsPerStep, double postgresMsPerStep, double utilisation) {

    CapacityModel {
        if (engineMsPerStep <= 0 || brokerMsPerStep <= 0 || postgresMsPerStep <= 0) {
            throw new IllegalArgumentException("every per-step cost must be measured and positive: engine "
                    + engineMsPerStep + ", broker " + brokerMsPerStep + ", postgres " + postgresMsPerStep);
        }
        if (utilisation <= 0 || utilisation > 1) {
            throw new IllegalArgumentException("utilisation must be in (0, 1]: " + utilisation);
        }
    }

    /** An installation to size: engine nodes and their cores, the broker's cores, PostgreSQL's cores. */
    record Installation(int nodes, int coresPerNode, int brokerCores, int postgresCores) {
    }

    /** What the installation carries, what each component could carry alone, and which one saturates first. */
    record Projection(Installation installation, double engineStepsPerS, double brokerStepsPerS,
            double postgresStepsPerS) {

        double stepsPerS() {
            return Math.min(engineStepsPerS, Math.min(brokerStepsPerS, postgresStepsPerS));
        }

        String saturatesFirst() {
            double least = stepsPerS();
            return least == engineStepsPerS ? "engine nodes" : least == postgresStepsPerS ? "PostgreSQL" : "broker";
        }
    }

    Projection project(Installation at) {
        return new Projection(at,
                capacity(at.nodes() * at.coresPerNode(), engineMsPerStep),
                capacity(at.brokerCores(), brokerMsPerStep),
                capacity(at.postgresCores(), postgresMsPerStep));
    }

    /** Engine cores one PostgreSQL core can keep busy: add database cores at about this ratio to engine cores. */
    double engineCoresPerPostgresCore() {
        return engineMsPerStep / postgresMsPerStep;
    }

    /** One node with the embedded broker (the default EAR): the node's cores carry the engine and the broker. */
    double singleNodeStepsPerS(int cores) {
        return cores * 1000.0 * utilisation / (engineMsPerStep + brokerMsPerStep);
    }

    /** The sizing table, as Markdown. */
    String table(List<Installation> installations) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "Inputs: %.2f CPU ms per step in the engine, %.2f in the broker, %.2f in PostgreSQL; projections use %d %% "
                        + "of each component's cores.%n%n", engineMsPerStep, brokerMsPerStep, postgresMsPerStep,
                Math.round(utilisation * 100)));
        t.append("| engine nodes × cores | broker cores | PostgreSQL cores | engine alone | broker alone | PostgreSQL alone"
                + " | **projected steps/s** | saturates first |\n|---|---|---|---|---|---|---|---|\n");
        for (Installation at : installations) {
            Projection p = project(at);
            t.append(String.format(Locale.ROOT, "| %d × %d | %d | %d | %,.0f | %,.0f | %,.0f | **%,.0f** | %s |%n",
                    at.nodes(), at.coresPerNode(), at.brokerCores(), at.postgresCores(), p.engineStepsPerS(),
                    p.brokerStepsPerS(), p.postgresStepsPerS(), p.stepsPerS(), p.saturatesFirst()));
        }
        t.append(String.format(Locale.ROOT, "%nOne PostgreSQL core keeps %.1f engine cores busy. One node with the embedded "
                        + "broker (the default EAR): %,.0f steps/s on 2 cores, %,.0f on 4, %,.0f on 8.%n",
                engineCoresPerPostgresCore(), singleNodeStepsPerS(2), singleNodeStepsPerS(4), singleNodeStepsPerS(8)));
        return t.toString();
    }

    /** The installations the doc's table sizes. */
    static List<Installation> standardSizes() {
        return List.of(new Installation(1, 2, 2, 2), new Installation(1, 4, 2, 4), new Installation(2, 4, 2, 4),
                new Installation(4, 4, 4, 8), new Installation(4, 8, 4, 16), new Installation(8, 4, 4, 16),
                new Installation(8, 8, 8, 32), new Installation(16, 8, 8, 64));
    }

    private double capacity(int cores, double msPerStep) {
        return cores * 1000.0 * utilisation / msPerStep;
    }
}
