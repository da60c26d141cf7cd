package io.squidmesh.runtime.internal.definition;

import io.squidmesh.InvalidWorkflowException;
import io.squidmesh.persistence.RunEntity;
import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The application's validated workflows, by name and version, and the step beans they run. A name alone means its
 * newest deployed version; a run means the version it is pinned to.
 */
@ApplicationScoped
public class WorkflowRegistry {

    @Inject
    WorkflowDiscovery discovery;

    @Inject
    BeanManager beans;

    /** The newest deployed version of the workflow. */
    public Optional<Workflow> find(String name) {
        NavigableMap<String, Workflow> versions = name == null ? null : discovery.workflows().get(name);
        return Optional.ofNullable(versions == null || versions.isEmpty() ? null : versions.lastEntry().getValue());
    }

    /** The deployed definition of that version; the newest when {@code version} is null. */
    public Optional<Workflow> find(String name, String version) {
        if (version == null) {
            return find(name);
        }
        NavigableMap<String, Workflow> versions = name == null ? null : discovery.workflows().get(name);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    /**
     * The definition the run is pinned to: its workflow at its version (a run from before versions, without one,
     * takes the newest). Whether its graph is still the one the run started with is {@link DefinitionCheck}'s
     * question.
     */
    public Optional<Workflow> forRun(RunEntity run) {
        return find(run.getWorkflow(), run.getWorkflowVersion());
    }

    /** As {@link #forRun}, or {@code invalid_workflow} naming the version when it is not deployed. */
    public Workflow requireForRun(RunEntity run) {
        return forRun(run).orElseThrow(() -> run.getWorkflowVersion() == null || versions(run.getWorkflow()).isEmpty()
                ? new InvalidWorkflowException(run.getWorkflow())
                : new InvalidWorkflowException(run.getWorkflow(), run.getWorkflowVersion(),
                        versions(run.getWorkflow()).stream().map(Workflow::version).toList()));
    }

    /** Every deployed version of the workflow, newest first; empty when none is deployed. */
    public List<Workflow> versions(String name) {
        NavigableMap<String, Workflow> versions = name == null ? null : discovery.workflows().get(name);
        return versions == null ? List.of() : List.copyOf(versions.descendingMap().values());
    }

    public Workflow require(String name) {
        return find(name).orElseThrow(() -> new InvalidWorkflowException(name));
    }

    /** The definition that class built (its own version, which need not be the newest). */
    public Workflow require(Class<? extends WorkflowDefinition> definition) {
        Workflow workflow = discovery.byClass().get(definition);
        if (workflow == null) {
            throw new InvalidWorkflowException(definition.getName());
        }
        return workflow;
    }

    /** The class loader of the module that declares the workflow (where its batch job XML lives). */
    public ClassLoader moduleOf(String workflow) {
        return discovery.byClass().entrySet().stream().filter(e -> e.getValue().name().equals(workflow))
                .map(e -> e.getKey().getClassLoader()).findFirst()
                .orElse(Thread.currentThread().getContextClassLoader());
    }

    /** The newest version of each deployed workflow. */
    public List<Workflow> all() {
        return discovery.workflows().values().stream().map(versions -> versions.lastEntry().getValue()).toList();
    }

    /** Every deployed version of every workflow. */
    public List<Workflow> allVersions() {
        return discovery.workflows().values().stream().flatMap(versions -> versions.values().stream()).toList();
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
