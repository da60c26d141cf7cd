/**
 * Errors as {@code application/problem+json} (RFC 9457) with a stable {@code code}: the catalogue of codes
 * and their HTTP statuses, and the exception mappers that turn every failure into a problem body.
 */
package io.squidmesh.web.problem;
