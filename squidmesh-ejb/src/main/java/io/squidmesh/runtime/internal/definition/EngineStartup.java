package io.squidmesh.runtime.internal.definition;

import io.squidmesh.executor.Executor;
import io.squidmesh.runtime.EngineReady;
import io.squidmesh.runtime.internal.EngineConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Checks, when the application deploys, what the engine needs to run: valid configuration values and
 * exactly one {@link Executor}. A problem fails the deployment with a message naming the key or bean,
 * instead of failing the first run later (SPEC §2). Then records the deployed workflow graphs and warns about open
 * runs whose pinned definition changed ({@link DeployedDefinitions}), and announces that the engine is ready
 * ({@link EngineReady}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class EngineStartup {

    private static final Logger LOG = Logger.getLogger(EngineStartup.class.getName());

    @Inject
    EngineConfig config;

    @Inject
    Instance<Executor> executors;

    @Inject
    WorkflowRegistry registry;

    @Inject
    DeployedDefinitions deployed;

    @Inject
    Event<EngineReady> ready;

    @PostConstruct
    void check() {
        config.validate();
        if (executors.isUnsatisfied()) {
            throw new IllegalStateException("missing Squid Mesh configuration: no " + Executor.class.getName()
                    + " bean is deployed; add squidmesh-jms-executor to the application or provide an Executor bean");
        }
        if (executors.isAmbiguous()) {
            throw new IllegalStateException("invalid Squid Mesh configuration: several Executor beans are deployed ("
                    + executors.handlesStream().map(h -> h.getBean().getBeanClass().getName())
                    .collect(Collectors.joining(", ")) + "); keep one or mark one @Alternative @Priority");
        }
        Map<String, List<String>> queues = new TreeMap<>();
        registry.allVersions().stream().filter(w -> w.queue() != null).forEach(w -> queues
                .computeIfAbsent(w.queue(), q -> new ArrayList<>()).add(w.name() + " " + w.version()));
        List<String> unknown = queues.isEmpty() ? List.of() : executors.get().unknownQueues(queues);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("invalid Squid Mesh configuration: the executor cannot deliver to "
                    + String.join("; ", unknown));
        }
        try {
            deployed.recordAndCheck().forEach(LOG::warning);
        } catch (RuntimeException e) { // the database may be down now: held runs still say why, without the diff
            LOG.log(java.util.logging.Level.WARNING, "could not record the deployed workflow graphs", e);
        }
        LOG.info(() -> "Squid Mesh ready: " + registry.all().size() + " workflow(s), " + config.describe());
        ready.fire(new EngineReady());
    }
}
