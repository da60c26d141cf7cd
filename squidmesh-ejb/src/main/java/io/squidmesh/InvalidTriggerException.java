package io.squidmesh;

import java.util.Map;

/** The workflow has no trigger of this name, or it cannot be used this way ({@code invalid_trigger}). */
public class InvalidTriggerException extends SquidMeshException {

    private static final long serialVersionUID = 1L;

    /**
     * An unknown or unusable trigger.
     *
     * @param workflow the workflow's name
     * @param trigger the trigger's name, possibly {@code null}
     * @param why what is wrong, completing the message
     */
    public InvalidTriggerException(String workflow, String trigger, String why) {
        super("invalid_trigger", "workflow " + workflow + " " + why,
                Map.of("workflow", workflow, "trigger", String.valueOf(trigger)));
    }
}
