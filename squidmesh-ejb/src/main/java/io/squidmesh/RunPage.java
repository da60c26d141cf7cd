package io.squidmesh;

import java.util.List;

/** One page of runs, newest first; {@code next} is the cursor of the following page, or null at the end. */
public record RunPage(List<Run> runs, String next) {
}
