package io.squidmesh.workflow;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.squidmesh.workflow.Schema.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Native step input/output schemas (SPEC §4.11). */
class SchemaTest {

    private static final Schema ACCOUNT = Schema.of(
            field("account_id", Schema.Type.STRING).required(),
            field("limit", Schema.Type.INTEGER));

    private static Map<String, Object> value(Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put("value", value);
        return values;
    }

    private static String violation(Schema.Type type, Object value) {
        return Schema.of(field("value", type)).violations(value(value), "input").get("value");
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        assertEquals(Map.of("account_id", "input field is required"), ACCOUNT.violations(Map.of(), "input"));
    }

    @Test
    void aWrongTypeIsReportedWithTheSide() {
        assertEquals(Map.of("account_id", "output field must be :string"),
                ACCOUNT.violations(Map.of("account_id", 42), "output"));
        assertEquals(Map.of("limit", "input field must be :integer"),
                ACCOUNT.violations(Map.of("account_id", "acc_1", "limit", "ten"), "input"));
    }

    @Test
    void violationsAreListedInDeclarationOrder() {
        Map<String, String> violations = Schema.of(
                field("zulu", Schema.Type.BOOLEAN).required(),
                field("alpha", Schema.Type.MAP),
                field("mike", Schema.Type.LIST).required())
                .violations(Map.of("alpha", List.of()), "input");
        assertEquals(List.of("zulu", "alpha", "mike"), List.copyOf(violations.keySet()));
        assertEquals(List.of("input field is required", "input field must be :map", "input field is required"),
                List.copyOf(violations.values()));
    }

    @Test
    void extraKeysAndAbsentOptionalFieldsAreAllowed() {
        assertEquals(Map.of(), ACCOUNT.violations(Map.of("account_id", "acc_1", "extra", true), "input"));
    }

    @Test
    void fieldsAreOptionalUnlessRequired() {
        assertFalse(field("x", Schema.Type.ANY).isRequired());
        assertTrue(field("x", Schema.Type.ANY).required().isRequired());
    }

    @Test
    void typeChecks() {
        assertNull(violation(Schema.Type.ANY, null));
        assertNull(violation(Schema.Type.ATOM, null));
        assertNull(violation(Schema.Type.ATOM, "approved"));
        assertEquals("input field must be :atom", violation(Schema.Type.ATOM, 1));
        assertNull(violation(Schema.Type.BOOLEAN, false));
        assertEquals("input field must be :boolean", violation(Schema.Type.BOOLEAN, "false"));
        assertNull(violation(Schema.Type.FLOAT, 2.5));
        assertEquals("input field must be :float", violation(Schema.Type.FLOAT, 2));
        assertNull(violation(Schema.Type.INTEGER, 2L));
        assertEquals("input field must be :integer", violation(Schema.Type.INTEGER, 2.0));
        assertNull(violation(Schema.Type.LIST, List.of()));
        assertEquals("input field must be :list", violation(Schema.Type.LIST, Map.of()));
        assertNull(violation(Schema.Type.MAP, Map.of()));
        assertEquals("input field must be :map", violation(Schema.Type.MAP, List.of()));
        assertNull(violation(Schema.Type.STRING, "s"));
        assertEquals("input field must be :string", violation(Schema.Type.STRING, null));
    }

    @Test
    void aRequiredAnyFieldMustStillBePresent() {
        Schema schema = Schema.of(field("payload", Schema.Type.ANY).required());
        assertEquals(Map.of("payload", "input field is required"), schema.violations(Map.of(), "input"));
        Map<String, Object> present = new HashMap<>();
        present.put("payload", null);
        assertEquals(Map.of(), schema.violations(present, "input"), "present, even as null, is enough for :any");
    }

    @Test
    void noSchemaChecksNothing() {
        assertEquals(Map.of(), Schema.NONE.violations(Map.of("anything", 1), "output"));
        assertEquals(List.of(), Schema.NONE.fields());
    }

    @Test
    void schemasDescribeThemselves() {
        assertEquals(Map.of("account_id", Map.of("type", "string", "required", true),
                "limit", Map.of("type", "integer", "required", false)), ACCOUNT.toMap());
    }
}
