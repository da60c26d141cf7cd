/**
 * The hello-host sample of docs/getting-started.md: a workflow, its step and the bean that starts it,
 * written against the public API only.
 */
package io.squidmesh.samples.hello;
