/**
 * JSON out: the API's snake_case views of runs, step runs, attempts and audit events built as explicit maps
 * (SPEC §7, §8), and the writer that serializes them, so the server's JSON provider never decides the output.
 */
package io.squidmesh.web.json;
