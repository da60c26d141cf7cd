package io.squidmesh.bench.server;

import java.util.concurrent.atomic.AtomicLong;

/** Shared state of the B1 chain (the platform's floor): whether chains go on, hops counted, hop latencies. */
public final class B1State {

    static volatile boolean running;
    static volatile boolean measuring;
    static final AtomicLong hops = new AtomicLong();
    static final AtomicLong ended = new AtomicLong();
    static final Latencies latencies = new Latencies();

    private B1State() {
    }
}
