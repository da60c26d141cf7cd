package io.squidmesh.examples.digest;

import io.squidmesh.workflow.Workflow;
import io.squidmesh.workflow.WorkflowDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import static io.squidmesh.workflow.FieldType.STRING;
import static io.squidmesh.workflow.Workflows.COMPLETE;
import static io.squidmesh.workflow.Workflows.OK;
import static io.squidmesh.workflow.Workflows.cron;
import static io.squidmesh.workflow.Workflows.defaultValue;
import static io.squidmesh.workflow.Workflows.log;
import static io.squidmesh.workflow.Workflows.manual;
import static io.squidmesh.workflow.Workflows.today;
import static io.squidmesh.workflow.Workflows.workflow;

/**
 * Posts a digest. Operators start it by hand through {@code manual_digest} (the first trigger, so the
 * default one), naming channel and date; the scheduler starts it through {@code daily_digest}, whose
 * defaults make up the whole payload. A cron run also carries its schedule at {@code context.schedule}.
 */
@ApplicationScoped
public class DailyDigest implements WorkflowDefinition {

    @Override
    public Workflow define() {
        // tag::definition[]
        return workflow("daily_digest")
                .trigger(manual("manual_digest")
                        .field("channel", STRING)
                        .field("digest_date", STRING))
                .trigger(cron("daily_digest", "@reboot", "Etc/UTC")
                        .field("channel", STRING, defaultValue("ops"))
                        .field("digest_date", STRING, today()))
                .step("announce_digest", log("posting daily digest"))
                .step("record_digest_delivery", RecordDigestDelivery.class, s -> s.output("digest_delivery"))
                .transition("announce_digest", OK, "record_digest_delivery")
                .transition("record_digest_delivery", OK, COMPLETE)
                .build();
        // end::definition[]
    }
}
