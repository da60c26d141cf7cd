package io.squidmesh.json;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorableJsonTest {

    record Receipt(String id, long cents) {
    }

    @Test
    void jsonValuesBeansAndRecordsAreStorable() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "ok");
        value.put("n", 1);
        value.put("big", new java.math.BigDecimal("1e400"));
        value.put("f", 1.5);
        value.put("flag", true);
        value.put("none", null);
        value.put("list", List.of(1, "two", Map.of("three", 3)));
        value.put("array", new int[] {1, 2});
        value.put("receipt", new Receipt("r-1", 250));
        assertEquals(Optional.empty(), StorableJson.problem(value, "output"));
    }

    @Test
    void aNulCharacterIsRefusedWithItsPathInValuesAndKeys() {
        assertEquals(Optional.of("output.body[1].text: the string holds the character U+0000, which PostgreSQL"
                        + " cannot store"),
                StorableJson.problem(Map.of("body", List.of("fine", Map.of("text", "a\u0000b"))), "output"));
        assertTrue(StorableJson.problem(Map.of("a\u0000", 1), "output").orElseThrow()
                .startsWith("output: a key holds the character U+0000"));
    }

    @Test
    void datesAreRefusedAskingForIsoStrings() {
        assertEquals(Optional.of("output.due: java.time.LocalDate is not a JSON value (write dates and times as "
                + "ISO-8601 strings)"), StorableJson.problem(Map.of("due", LocalDate.of(2026, 12, 6)), "output"));
    }

    @Test
    void cyclesAndNonFiniteNumbersAreRefused() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("self", cyclic);
        assertEquals(Optional.of("output.self: the map contains itself"), StorableJson.problem(cyclic, "output"));
        List<Object> list = new ArrayList<>();
        list.add(list);
        assertEquals(Optional.of("output[0]: the list contains itself"), StorableJson.problem(list, "output"));
        assertEquals(Optional.of("output.x: NaN is not a JSON number"), StorableJson.problem(Map.of("x", Double.NaN),
                "output"));
        assertEquals(Optional.of("output.x: Infinity is not a JSON number"),
                StorableJson.problem(Map.of("x", Float.POSITIVE_INFINITY), "output"));
    }

    @Test
    void theSameValueTwiceIsNotACycle() {
        Map<String, Object> shared = Map.of("k", "v");
        assertEquals(Optional.empty(), StorableJson.problem(Map.of("a", shared, "b", List.of(shared, shared)), "output"));
    }

    @Test
    void sanitizingKeepsTheShapeAndReplacesWhatCannotBeStored() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("message", "bad\u0000byte");
        cyclic.put("nan", Double.NaN);
        cyclic.put("when", LocalDate.of(2026, 12, 6));
        cyclic.put("self", cyclic);
        Map<String, Object> clean = StorableJson.sanitizeMap(cyclic);
        assertEquals(List.of("message", "nan", "when", "self"), List.copyOf(clean.keySet()));
        assertEquals("bad\uFFFDbyte", clean.get("message"));
        assertEquals("NaN", clean.get("nan"));
        assertEquals("2026-12-06", clean.get("when"));
        assertEquals("(cycle)", clean.get("self"));
        assertEquals(Optional.empty(), StorableJson.problem(clean, "error"));
        Json.write(clean);
    }
}
