package io.squidmesh.runtime.internal;

import io.squidmesh.InvalidRunKeyException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunKeysTest {

    @Test
    void aKeyIsOneTo255CharactersWithoutControlCharacters() {
        assertEquals("order-42", RunKeys.validate("order-42"));
        assertEquals("ü 注文 42", RunKeys.validate("ü 注文 42"));
        assertEquals("k".repeat(255), RunKeys.validate("k".repeat(255)));
        assertNull(RunKeys.validate(null));

        assertEquals("run key must not be blank", refused(""));
        assertEquals("run key must not be blank", refused("   "));
        assertEquals("run key is 256 characters long; at most 255 are allowed", refused("k".repeat(256)));
        assertEquals("run key holds the control character U+0000 at position 5", refused("order\u000042"));
        assertEquals("run key holds the control character U+000A at position 0", refused("\nx"));
    }

    @Test
    void theSameRequestHasTheSameDigestWhateverItsKeyOrderOrIntegerType() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("order_id", "o-1");
        first.put("amount", 42);
        first.put("lines", List.of(Map.of("sku", "a", "qty", 1)));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("lines", List.of(Map.of("qty", 1L, "sku", "a")));
        second.put("amount", 42L);
        second.put("order_id", "o-1");

        assertEquals(RunKeys.digest("manual", first), RunKeys.digest("manual", second));
        assertEquals(64, RunKeys.digest("manual", first).length());
    }

    @Test
    void anotherPayloadOrTriggerHasAnotherDigest() {
        Map<String, Object> payload = Map.of("order_id", "o-1", "amount", 42);
        String digest = RunKeys.digest("manual", payload);

        assertNotEquals(digest, RunKeys.digest("manual", Map.of("order_id", "o-1", "amount", 43)));
        assertNotEquals(digest, RunKeys.digest("manual", Map.of("order_id", "o-1", "amount", 42.5)));
        assertNotEquals(digest, RunKeys.digest("manual", Map.of("order_id", "o-1")));
        assertNotEquals(digest, RunKeys.digest("nightly", payload));
        assertNotEquals(RunKeys.digest("manual", Map.of("a", "1")), RunKeys.digest("manual", Map.of("a", 1)));
    }

    @Test
    void valuesThatAreNotJsonCountByTypeAndText() {
        assertEquals(RunKeys.digest("manual", Map.of("on", LocalDate.of(2026, 12, 6))),
                RunKeys.digest("manual", Map.of("on", LocalDate.of(2026, 12, 6))));
        assertNotEquals(RunKeys.digest("manual", Map.of("on", LocalDate.of(2026, 12, 6))),
                RunKeys.digest("manual", Map.of("on", "2026-12-06")));
    }

    private static String refused(String key) {
        InvalidRunKeyException e = assertThrows(InvalidRunKeyException.class, () -> RunKeys.validate(key));
        assertEquals("invalid_run_key", e.code());
        assertTrue(e.details().containsKey("reason"));
        return e.getMessage();
    }
}
