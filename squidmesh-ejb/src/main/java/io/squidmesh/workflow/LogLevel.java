package io.squidmesh.workflow;

import java.util.Locale;

/** Levels of the built-in {@code log} step. */
public enum LogLevel {
    DEBUG, INFO, WARNING, ERROR;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }
}
