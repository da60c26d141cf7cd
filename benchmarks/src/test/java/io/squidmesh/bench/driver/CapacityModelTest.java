package io.squidmesh.bench.driver;

import io.squidmesh.bench.driver.CapacityModel.Installation;
import io.squidmesh.bench.driver.CapacityModel.Projection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sizing arithmetic of docs/scale-out.md, row by row. */
class CapacityModelTest {

    /** 4 ms in the engine, 1 ms in the broker, 2 ms in PostgreSQL per step; all of each component's CPU. */
    private final CapacityModel model = new CapacityModel(4, 1, 2, 1.0);

    @Test
    void theEngineSaturatesFirstWhenItHasTooFewCores() {
        Projection p = model.project(new Installation(1, 2, 2, 4));
        assertEquals(500, p.engineStepsPerS(), 1e-9);     // 2 cores × 1000 ms / 4 ms
        assertEquals(2000, p.brokerStepsPerS(), 1e-9);
        assertEquals(2000, p.postgresStepsPerS(), 1e-9);
        assertEquals(500, p.stepsPerS(), 1e-9);
        assertEquals("engine nodes", p.saturatesFirst());
    }

    @Test
    void addingNodesMovesTheLimitToPostgresql() {
        Projection p = model.project(new Installation(8, 4, 8, 4));
        assertEquals(8000, p.engineStepsPerS(), 1e-9);
        assertEquals(2000, p.stepsPerS(), 1e-9);
        assertEquals("PostgreSQL", p.saturatesFirst());
    }

    @Test
    void aSmallBrokerCanBeTheLimit() {
        Projection p = model.project(new Installation(8, 4, 1, 32));
        assertEquals(1000, p.stepsPerS(), 1e-9);
        assertEquals("broker", p.saturatesFirst());
    }

    @Test
    void utilisationLeavesHeadroomAndTheEmbeddedBrokerSharesTheNode() {
        CapacityModel headroom = new CapacityModel(4, 1, 2, 0.5);
        assertEquals(250, headroom.project(new Installation(1, 2, 2, 4)).stepsPerS(), 1e-9);
        assertEquals(2.0, model.engineCoresPerPostgresCore(), 1e-9);
        assertEquals(1600, model.singleNodeStepsPerS(8), 1e-9); // 8 × 1000 / (4 + 1)
    }

    @Test
    void theTableHasARowPerInstallationWithTheProjection() {
        String table = model.table(List.of(new Installation(1, 2, 2, 4), new Installation(8, 4, 8, 4)));
        assertTrue(table.contains("| 1 × 2 | 2 | 4 | 500 | 2,000 | 2,000 | **500** | engine nodes |"), table);
        assertTrue(table.contains("| 8 × 4 | 8 | 4 | 8,000 | 8,000 | 2,000 | **2,000** | PostgreSQL |"), table);
    }

    @Test
    void unmeasuredInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CapacityModel(0, 1, 2, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new CapacityModel(4, 1, 2, 1.5));
    }
}
