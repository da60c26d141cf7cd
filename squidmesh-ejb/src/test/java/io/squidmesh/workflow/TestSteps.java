package io.squidmesh.workflow;

import java.util.Map;

/** Trivial step implementations for definition tests; nothing here is ever run. */
final class TestSteps {

    private TestSteps() {
    }

    static final class Noop implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok();
        }
    }

    static final class Other implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("other", true));
        }
    }

    static final class Undo implements Step {
        @Override
        public StepResult run(Map<String, Object> input, StepContext context) {
            return StepResult.ok(Map.of("undone", true));
        }
    }
}
