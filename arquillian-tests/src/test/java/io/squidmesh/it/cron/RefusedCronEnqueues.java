package io.squidmesh.it.cron;

import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.EnqueueException;
import io.squidmesh.executor.Executor;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker that refuses the cron activations of one workflow while the fault is on, as a send fails when the
 * broker is unreachable or the address is full: the executor throws {@code executor_unavailable}. Every other
 * enqueue goes through untouched.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class RefusedCronEnqueues implements Executor {

    /** The workflow whose activations fail, or null when the fault is off. */
    static volatile String refusing;

    /** The window starts of the activations refused, in order. */
    static final List<String> REFUSED = new CopyOnWriteArrayList<>();

    @Inject
    @Delegate
    Executor delegate;

    @Override
    public Map<String, Object> enqueueCron(String workflow, String trigger, CronOptions options) {
        if (workflow.equals(refusing)) {
            REFUSED.add(String.valueOf(options.intendedWindow() == null ? null : options.intendedWindow().get("start_at")));
            throw new EnqueueException("executor_unavailable");
        }
        return delegate.enqueueCron(workflow, trigger, options);
    }
}
