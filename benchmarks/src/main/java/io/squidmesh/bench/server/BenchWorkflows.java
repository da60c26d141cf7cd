package io.squidmesh.bench.server;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowBuilder;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.workflow;

/** The benchmark workflows, written as a host application writes them (public API only). */
public final class BenchWorkflows {

    public static final String LINEAR = "bench_linear";
    public static final String FANOUT = "bench_fanout";
    public static final String START = "bench_start";
    public static final int LINEAR_STEPS = 5;
    public static final int FANOUT_ROOTS = 10;
    /** W5: runs of 5 and of 50 steps, each step adding 1 KiB to the context. */
    public static final String GROW_SHORT = "bench_grow_5";
    public static final String GROW_LONG = "bench_grow_50";
    public static final int GROW_SHORT_STEPS = 5;
    public static final int GROW_LONG_STEPS = 50;

    private BenchWorkflows() {
    }

    /** W1: five no-op steps s1 → s5 in a line. */
    @ApplicationScoped
    public static class Linear implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return line(LINEAR, LINEAR_STEPS, NoOpStep.class);
        }
    }

    /** W5, short: five steps in a line, each adding 1 KiB to the context. */
    @ApplicationScoped
    public static class GrowShort implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return line(GROW_SHORT, GROW_SHORT_STEPS, KilobyteStep.class);
        }
    }

    /** W5, long: fifty steps in a line, each adding 1 KiB to the context (50 KiB by the end). */
    @ApplicationScoped
    public static class GrowLong implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return line(GROW_LONG, GROW_LONG_STEPS, KilobyteStep.class);
        }
    }

    /** Steps s1 → sN in a line, each running {@code step}. */
    static Workflow line(String name, int steps, Class<? extends Step> step) {
        WorkflowBuilder b = workflow(name).trigger(manual(name));
        for (int i = 1; i <= steps; i++) {
            b.step("s" + i, step);
        }
        for (int i = 1; i < steps; i++) {
            b.transition("s" + i, OK, "s" + (i + 1));
        }
        return b.transition("s" + steps, OK, COMPLETE).build();
    }

    /** W2: ten roots r0..r9 in parallel, joined by one step. */
    @ApplicationScoped
    public static class FanOut implements WorkflowDefinition {
        @Override
        public Workflow define() {
            WorkflowBuilder b = workflow(FANOUT).trigger(manual(FANOUT));
            String[] roots = new String[FANOUT_ROOTS];
            for (int i = 0; i < FANOUT_ROOTS; i++) {
                roots[i] = "r" + i;
                b.step(roots[i], NoOpStep.class);
            }
            return b.step("join", NoOpStep.class, s -> s.after(roots)).build();
        }
    }

    /** W3: one no-op step, for the start rate. */
    @ApplicationScoped
    public static class StartOne implements WorkflowDefinition {
        @Override
        public Workflow define() {
            return workflow(START).trigger(manual(START))
                    .step("only", NoOpStep.class)
                    .transition("only", OK, COMPLETE)
                    .build();
        }
    }
}
