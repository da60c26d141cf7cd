package io.squidmesh.workflow.internal;

import java.util.List;
import java.util.Map;

/**
 * What a builder recorded, as written: loosely typed, so the validator can report every mistake
 * (an option of the wrong type, a trigger with two types) instead of the builder rejecting the first.
 */
public final class Declarations {

    private Declarations() {
    }

    /** {@code types} holds every type the trigger declared: exactly one is valid. */
    public record TriggerDecl(String name, List<String> types, String cronExpression, String timezone,
                              List<FieldDecl> fields) {
    }

    /** {@code type} is a {@code FieldType} or a raw type name; {@code options} holds required/default. */
    public record FieldDecl(String name, Object type, Map<String, Object> options) {
    }

    /** {@code implementation} is a step class or a {@code StepKind} for built-ins. */
    public record StepDecl(String name, Object implementation, Map<String, Object> options) {
    }

    /** {@code on} is an {@code Outcome} or raw string; {@code recovery} a {@code Recovery}, raw string or null. */
    public record TransitionDecl(String from, Object on, String to, Object recovery) {
    }

    /** A retry policy declared at workflow level for a step by name. */
    public record RetryDecl(String step, Object policy) {
    }

    public record WorkflowDecl(String name, String description, List<TriggerDecl> triggers, List<StepDecl> steps,
                               List<TransitionDecl> transitions, List<RetryDecl> retries, java.time.Duration deadline,
                               String deadlineRoute, String version, Integer concurrency, String queue) {
    }
}
