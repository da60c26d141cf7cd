package io.squidmesh.runtime.internal.definition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionOrderTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "1, 2",
            "2, 10",
            "9, 10.0",
            "2, 2.1",
            "2.9, 2.10",
            "2, 2a",
            "2a, 2b",
            "alpha, beta",
            "1.0-rc1, 1.0-rc2",
            "01, 1",                  // the same number: the labels themselves decide, so the order is total
            "99999999999999999999, 100000000000000000000",
    })
    void ordersLikeReleaseNumbers(String older, String newer) {
        assertTrue(VersionOrder.INSTANCE.compare(older, newer) < 0, older + " < " + newer);
        assertTrue(VersionOrder.INSTANCE.compare(newer, older) > 0, newer + " > " + older);
    }

    @ParameterizedTest
    @CsvSource({"1", "2.10", "v3"})
    void aLabelEqualsItself(String label) {
        assertEquals(0, VersionOrder.INSTANCE.compare(label, label));
    }
}
