package io.squidmesh.runtime.internal.definition;

import io.squidmesh.workflow.Step;
import io.squidmesh.workflow.StepSpec;
import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import io.squidmesh.workflow.WorkflowValidationException;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Finds every {@link WorkflowDefinition} and {@link Step} bean of the application, in any module of the
 * EAR, while CDI boots; then builds and validates each definition and fails the deployment with every
 * problem found (invalid definitions, duplicate workflow names, step classes that are not beans).
 * A broken workflow is therefore caught when the application deploys, not when a run reaches it.
 */
public class WorkflowDiscovery implements Extension {

    private static final Logger LOG = Logger.getLogger(WorkflowDiscovery.class.getName());

    private final List<Bean<?>> definitionBeans = new ArrayList<>();
    private final Map<Class<?>, Bean<?>> stepBeans = new ConcurrentHashMap<>();
    /** Each workflow's deployed versions, oldest first. */
    private final Map<String, NavigableMap<String, Workflow>> workflows = new LinkedHashMap<>();
    private final Map<Class<?>, Workflow> byClass = new LinkedHashMap<>();

    <T> void collect(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        if (bean.getTypes().contains(WorkflowDefinition.class)) {
            definitionBeans.add(bean);
        }
        if (bean.getTypes().contains(Step.class)) {
            stepBeans.put(bean.getBeanClass(), bean);
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
        List<String> problems = new ArrayList<>();
        for (Bean<?> bean : definitionBeans) {
            CreationalContext<?> context = beans.createCreationalContext(bean);
            String source = bean.getBeanClass().getName();
            try {
                Workflow workflow = ((WorkflowDefinition) beans.getReference(bean, WorkflowDefinition.class, context))
                        .define();
                if (workflow == null) {
                    problems.add(source + ".define() returned null");
                    continue;
                }
                List<String> own = stepBeanProblems(workflow);
                if (versionsOf(workflow.name()).containsKey(workflow.version())) {
                    own.add("workflow " + workflow.name() + " version " + workflow.version() + " is also defined by "
                            + classOf(versionsOf(workflow.name()).get(workflow.version())));
                }
                if (own.isEmpty()) {
                    versionsOf(workflow.name()).put(workflow.version(), workflow);
                    byClass.put(bean.getBeanClass(), workflow);
                } else {
                    problems.add(new WorkflowValidationException(workflow.name(), own).getMessage()
                            + "\n  (defined by " + source + ")");
                }
            } catch (WorkflowValidationException e) {
                problems.add(e.getMessage() + "\n  (defined by " + source + ")");
            } catch (RuntimeException e) {
                problems.add(source + ".define() failed: " + e);
            }
        }
        if (!problems.isEmpty()) {
            String message = "Squid Mesh found " + problems.size() + " invalid workflow definition(s):\n"
                    + String.join("\n", problems);
            event.addDeploymentProblem(new DeploymentException(message));
            return;
        }
        LOG.info(() -> "Squid Mesh workflows: " + workflows.values().stream().flatMap(v -> v.values().stream())
                .map(w -> w.name() + " " + w.version() + " (" + w.fingerprint() + ")")
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private List<String> stepBeanProblems(Workflow workflow) {
        List<String> problems = new ArrayList<>();
        for (StepSpec step : workflow.steps()) {
            if (step.implementation() != null && !stepBeans.containsKey(step.implementation())) {
                problems.add("step " + step.name() + " uses " + step.implementation().getName()
                        + ", which is not a CDI bean (annotate it with @ApplicationScoped or @Dependent)");
            }
            if (step.compensate() != null && !stepBeans.containsKey(step.compensate())) {
                problems.add("step " + step.name() + " compensates with " + step.compensate().getName()
                        + ", which is not a CDI bean (annotate it with @ApplicationScoped or @Dependent)");
            }
        }
        return problems;
    }

    private NavigableMap<String, Workflow> versionsOf(String name) {
        return workflows.computeIfAbsent(name, n -> new TreeMap<>(VersionOrder.INSTANCE));
    }

    private String classOf(Workflow workflow) {
        return byClass.entrySet().stream().filter(e -> e.getValue() == workflow)
                .map(e -> e.getKey().getName()).findFirst().orElse("another bean");
    }

    /** Each deployed workflow's versions by label, oldest first. */
    Map<String, NavigableMap<String, Workflow>> workflows() {
        return Collections.unmodifiableMap(workflows);
    }

    /** The definition each workflow definition bean class built. */
    Map<Class<?>, Workflow> byClass() {
        return Collections.unmodifiableMap(byClass);
    }

    Bean<?> stepBean(Class<?> type) {
        return stepBeans.get(type);
    }
}
