package io.squidmesh.runtime.internal;

import io.squidmesh.InvalidWorkflowException;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** The application's validated workflows, by name, and the step beans they run. */
@ApplicationScoped
public class WorkflowRegistry {

    @Inject
    WorkflowDiscovery discovery;

    @Inject
    BeanManager beans;

    public Optional<Workflow> find(String name) {
        return Optional.ofNullable(name == null ? null : discovery.workflows().get(name));
    }

    public Workflow require(String name) {
        return find(name).orElseThrow(() -> new InvalidWorkflowException(name));
    }

    public Workflow require(Class<? extends WorkflowDefinition> definition) {
        String name = discovery.namesByClass().get(definition);
        if (name == null) {
            throw new InvalidWorkflowException(definition.getName());
        }
        return require(name);
    }

    /** The class loader of the module that declares the workflow (where its batch job XML lives). */
    public ClassLoader moduleOf(String workflow) {
        return discovery.namesByClass().entrySet().stream().filter(e -> e.getValue().equals(workflow))
                .map(e -> e.getKey().getClassLoader()).findFirst()
                .orElse(Thread.currentThread().getContextClassLoader());
    }

    public List<Workflow> all() {
        return List.copyOf(discovery.workflows().values());
    }

    /**
     * A step bean instance; close it when done so a {@code @Dependent} step is destroyed after its attempt.
     */
    public StepInstance step(Class<? extends Step> type) {
        Bean<?> bean = discovery.stepBean(type);
        if (bean == null) {
            throw new IllegalStateException(type.getName() + " is not a Step bean of this application");
        }
        CreationalContext<?> context = beans.createCreationalContext(bean);
        return new StepInstance((Step) beans.getReference(bean, Step.class, context), context);
    }

    /** A step bean and the context that owns its dependent objects. */
    public record StepInstance(Step step, CreationalContext<?> context) implements AutoCloseable {
        @Override
        public void close() {
            context.release();
        }
    }
}
