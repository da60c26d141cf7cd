package io.squidmesh.tools;

/**
 * What a tool call produced. Sealed so step code can handle both cases exhaustively with pattern
 * matching and no adapter can invent a third shape the engine would not know how to record.
 */
public sealed interface ToolOutcome permits ToolResult, ToolError {
}
