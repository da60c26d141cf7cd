package io.squidmesh.metrics;

import io.squidmesh.RunStatus;
import io.squidmesh.persistence.OverviewStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * How many runs are open (not terminal), by status, for the gauge: the overview's count, read in a transaction of
 * its own (the registry calls the gauge from a scrape thread).
 */
@Stateless
public class OpenRuns {

    /** The statuses a run can be in before it ends. */
    public static final List<RunStatus> STATUSES = OverviewStore.OPEN;

    @Inject
    OverviewStore store;

    /**
     * @return each open status with its number of runs (zero where there are none)
     */
    public Map<RunStatus, Long> byStatus() {
        return store.openByStatus();
    }
}
