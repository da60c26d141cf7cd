package io.squidmesh.it.process;

import io.squidmesh.it.support.ApiClient;
import io.squidmesh.it.support.Await;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly this test starts and kills itself, as an operator's process supervisor would: started with
 * {@code standalone.sh}, the EAR dropped into {@code standalone/deployments}, stopped with SIGKILL (no shutdown
 * hooks, no flushing) or SIGTERM. Its database and Artemis journal survive both.
 */
final class ServerProcess implements AutoCloseable {

    private final Path home;
    private final Path log;
    private Process process;

    private ServerProcess(Path home, Path log) {
        this.home = home;
        this.log = log;
    }

    /** The server the build provisioned for process tests ({@code squidmesh.process.home}). */
    static ServerProcess provisioned() {
        String home = System.getProperty("squidmesh.process.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("squidmesh.process.home must name a provisioned WildFly, was " + home);
        }
        return new ServerProcess(Path.of(home), Path.of(home, "standalone", "log", "process-console.log"));
    }

    void deploy(EnterpriseArchive ear) {
        Path deployments = home.resolve("standalone/deployments");
        try (var markers = Files.list(deployments)) {
            for (Path marker : markers.filter(p -> p.getFileName().toString().startsWith("squidmesh.ear.")).toList()) {
                Files.delete(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ear.as(ZipExporter.class).exportTo(deployments.resolve("squidmesh.ear").toFile(), true);
    }

    /** Starts the server and waits until the application answers (180 s at most). */
    void start() {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c",
                "standalone-full.xml");
        builder.environment().put("JAVA_OPTS",
                "-Xms256m -Xmx1g -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true");
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("the application to answer", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            return healthy();
        }, up -> up, Duration.ofSeconds(180));
    }

    /** SIGKILL to the server's JVM: nothing runs after it, as in a crash. */
    void kill() {
        signal(true);
    }

    /** SIGTERM: a clean shutdown. */
    void stop() {
        signal(false);
    }

    Path home() {
        return home;
    }

    /** Files of the persistent EJB timers of one bean (WildFly's file timer store keeps one per timer). */
    List<Path> persistentTimers(String beanName) {
        Path store = home.resolve("standalone/data/timer-service-data");
        try (var beans = Files.walk(store)) {
            return beans.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().endsWith("." + beanName)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private void signal(boolean kill) {
        List<ProcessHandle> jvms = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .toList();
        for (ProcessHandle jvm : jvms) {
            if (kill) {
                jvm.destroyForcibly();
            } else {
                jvm.destroy();
            }
        }
        try {
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(60, TimeUnit.SECONDS);
            }
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the server did not exit", e);
        }
        process = null;
    }

    private static boolean healthy() {
        try {
            ApiClient.Reply health = ApiClient.ANONYMOUS.get("/api/health");
            return health.status() == 200 && Map.of("status", "UP", "database", "UP").equals(health.json());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
