/**
 * The tool boundary: steps call external systems through {@link io.squidmesh.tools.Tools} and get back a
 * {@link io.squidmesh.tools.ToolResult} or {@link io.squidmesh.tools.ToolError}, never a transport's own types.
 */
package io.squidmesh.tools;
