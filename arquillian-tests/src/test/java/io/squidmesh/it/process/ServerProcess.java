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
    private final Path base;
    private final int portOffset;
    private final String nodeId;
    private final String txNodeId;
    private final Path log;
    private Process process;
    private String extraOptions = "";

    private ServerProcess(Path home, Path base, int portOffset, String nodeId, String txNodeId) {
        this.home = home;
        this.base = base;
        this.portOffset = portOffset;
        this.nodeId = nodeId;
        this.txNodeId = txNodeId;
        this.log = base.resolve("log").resolve("process-console.log");
    }

    /** The server the build provisioned for process tests ({@code squidmesh.process.home}). */
    static ServerProcess provisioned() {
        String home = System.getProperty("squidmesh.process.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("squidmesh.process.home must name a provisioned WildFly, was " + home);
        }
        return new ServerProcess(Path.of(home), Path.of(home, "standalone"), 0, null, null);
    }

    /**
     * One node of a cluster built from a provisioned WildFly: its own copy of {@code standalone/} (configuration,
     * data, deployments, logs), ports shifted by {@code portOffset}, its own transaction node identifier.
     */
    static ServerProcess node(Path home, String name, int portOffset) {
        return node(home, name, portOffset, name);
    }

    /** A cluster node whose transaction node identifier is {@code txNodeId} (a node's own name, normally). */
    static ServerProcess node(Path home, String name, int portOffset, String txNodeId) {
        Path base = home.resolve(name);
        try {
            if (Files.exists(base)) {
                try (var files = Files.walk(base)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (var files = Files.walk(home.resolve("standalone"))) {
                for (Path source : files.toList()) {
                    Path target = base.resolve(home.resolve("standalone").relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerProcess(home, base, portOffset, name, txNodeId);
    }

    /** JVM options added to the next starts (system properties of the engine, say). */
    ServerProcess withOptions(String options) {
        this.extraOptions = options;
        return this;
    }

    /** This server's REST API as the operator. */
    ApiClient operator() {
        return new ApiClient(url(), "operator", "operator-pass1!");
    }

    String url() {
        return "http://127.0.0.1:" + (8080 + portOffset) + "/squidmesh";
    }

    void deploy(EnterpriseArchive ear) {
        Path deployments = base.resolve("deployments");
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
        launch();
        Await.until("the application to answer", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            return healthy(new ApiClient(url(), null, null));
        }, up -> up, Duration.ofSeconds(180));
    }

    /** The server's log file (the application's messages, deployment failures included). */
    Path serverLog() {
        return base.resolve("log").resolve("server.log");
    }

    /** Starts the server without waiting for the application (whose deployment may be expected to fail). */
    void launch() {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c",
                "standalone-full.xml");
        String options = "-Xms256m -Xmx1g -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true"
                + " -Djboss.server.base.dir=" + base + (extraOptions.isEmpty() ? "" : " " + extraOptions);
        if (nodeId != null) {
            options += " -Djboss.socket.binding.port-offset=" + portOffset + " -Djboss.node.name=" + nodeId
                    + " -Djboss.tx.node.id=" + txNodeId;
        }
        builder.environment().put("JAVA_OPTS", options);
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL to the server's JVM: nothing runs after it, as in a crash. */
    void kill() {
        signal(true);
    }

    /** SIGTERM: a clean shutdown; SIGKILL when it does not end within a minute (a test must never leave it). */
    void stop() {
        try {
            signal(false);
        } catch (IllegalStateException stuck) {
            signal(true);
        }
    }

    /** How far the slow batch job of a run got ({@code CountingJob}), 0 before it starts. */
    int batchProgress(String runId) {
        Path progress = base.resolve("data/it-batch").resolve(runId);
        try {
            return Files.exists(progress) ? Integer.parseInt(Files.readString(progress).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0; // being written
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Files of the persistent EJB timers of one bean (WildFly's file timer store keeps one per timer). */
    List<Path> persistentTimers(String beanName) {
        Path store = base.resolve("data/timer-service-data");
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
        // the JVM is a child of standalone.sh: right after a launch it may not exist yet, so wait for it a little
        List<ProcessHandle> jvms = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (process.isAlive() && System.nanoTime() < deadline) {
            jvms = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
            if (!jvms.isEmpty()) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
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
            if (jvms.isEmpty()) {
                process.destroyForcibly();
            }
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the server did not exit", e);
        }
        process = null;
    }

    /**
     * Whether the application answers that it is up. A server still booting may answer anything (refuse the
     * connection, or answer 500 with the container's own HTML page while the deployment is being installed, seen
     * once with three nodes booting at once), which the contract check of {@link ApiClient} rejects with an
     * {@link AssertionError}: until it is up, any such answer only means "not yet", and is printed.
     */
    private static boolean healthy(ApiClient anonymous) {
        try {
            ApiClient.Reply health = anonymous.get("/api/health");
            return health.status() == 200 && Map.of("status", "UP", "database", "UP").equals(health.json());
        } catch (RuntimeException e) {
            return false;
        } catch (AssertionError e) {
            System.err.println("not up yet: " + e.getMessage());
            return false;
        }
    }
}
