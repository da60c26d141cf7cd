package io.squidmesh.it.tracing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;

/**
 * Keeps the in-test OTLP collector ({@link TraceCollector}) listening for the whole test session, registered in
 * {@code META-INF/services}: the test server exports spans from every test, and without a receiver each export
 * would fail and be logged as an error.
 */
public class TraceCollectorSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            TraceCollector.openSession();
        } catch (IOException e) {
            // TracingIT says so; every other test goes on
            System.err.println("no trace collector on port " + TraceCollector.PORT + ": " + e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            TraceCollector.closeSession();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
