package io.squidmesh.it.guarantees;

import io.squidmesh.Run;
import io.squidmesh.executor.CronOptions;
import io.squidmesh.executor.EnqueueException;
import io.squidmesh.executor.EnqueueOptions;
import io.squidmesh.executor.Executor;
import io.squidmesh.jms.JmsExecutor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The JMS executor with a switch: while a rule matches what is being queued ({@code step:<name>},
 * {@code steps:<a,b>}, {@code compensation}), it refuses with {@code executor_unavailable} before touching JMS,
 * as an unavailable broker would. Replaces the JMS executor the way any host replacement does: a CDI alternative.
 */
// tag::executor[]
@Alternative
@Priority(1000)
@ApplicationScoped
public class FaultyExecutor implements Executor {

    private static volatile Predicate<String> refusing = what -> false;

    @Inject
    JmsExecutor delegate;

    public static void refuse(Predicate<String> rule) {
        refusing = rule;
    }

    public static void accept() {
        refusing = what -> false;
    }

    @Override
    public Map<String, Object> enqueueStep(Run run, String step, EnqueueOptions options) {
        check("step:" + step);
        return delegate.enqueueStep(run, step, options);
    }

    @Override
    public List<Map<String, Object>> enqueueSteps(Run run, List<String> steps, EnqueueOptions options) {
        check("steps:" + String.join(",", steps));
        return delegate.enqueueSteps(run, steps, options);
    }

    @Override
    public Map<String, Object> enqueueCompensation(Run run, EnqueueOptions options) {
        check("compensation");
        return delegate.enqueueCompensation(run, options);
    }

    @Override
    public Map<String, Object> enqueueCron(String workflow, String trigger, CronOptions options) {
        check("cron:" + workflow);
        return delegate.enqueueCron(workflow, trigger, options);
    }

    private static void check(String what) {
        if (refusing.test(what)) {
            throw new EnqueueException("executor_unavailable");
        }
    }
}
// end::executor[]
