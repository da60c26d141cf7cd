package io.squidmesh.it.deployment;

import io.squidmesh.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must stop a deployment (SPEC §2, §4.9): an invalid workflow definition, an invalid configuration value,
 * a missing executor. Each fails with a message that names the workflow and step, the key, or the bean.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentValidationIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "invalid-workflows", managed = false, testable = false)
    static EnterpriseArchive invalidWorkflows() {
        return Deployments.renamed(Deployments.withTestModule(Deployments.testModule().addClasses(BrokenWorkflows.class)
                .addClasses(BrokenWorkflows.class.getDeclaredClasses())), "invalid-workflows.ear");
    }

    @Deployment(name = "invalid-config", managed = false, testable = false)
    static EnterpriseArchive invalidConfig() {
        EnterpriseArchive ear = Deployments.referenceEar();
        JavaArchive engine = ear.getAsType(JavaArchive.class, "squidmesh-ejb.jar");
        engine.addAsManifestResource(new StringAsset("squidmesh.lease-ttl-ms=-5\n"),
                "microprofile-config.properties");
        return Deployments.renamed(ear, "invalid-config.ear");
    }

    @Deployment(name = "no-executor", managed = false, testable = false)
    static EnterpriseArchive noExecutor() {
        EnterpriseArchive ear = Deployments.referenceEar();
        String applicationXml = read(ear, "META-INF/application.xml");
        ear.delete("squidmesh-jms-executor.jar");
        ear.delete("META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(applicationXml.replaceAll(
                "\\s*<module>\\s*<ejb>squidmesh-jms-executor.jar</ejb>\\s*</module>", "")));
        return Deployments.renamed(ear, "no-executor.ear");
    }

    @Test
    void invalidWorkflowsFailTheDeploymentWithEveryProblem() {
        String message = failureOf("invalid-workflows");
        assertTrue(message.contains("workflow broken_graph validation failed:"), message);
        assertTrue(message.contains("payload field amount defines conflicting types across triggers: string, integer"),
                message);
        assertTrue(message.contains("step b depends on unknown step ghost"), message);
        assertTrue(message.contains("dependency-based workflows cannot declare transitions"), message);
        assertTrue(message.contains("workflow uses_non_bean validation failed:"), message);
        assertTrue(message.contains("step only uses " + BrokenWorkflows.NotABean.class.getName()
                + ", which is not a CDI bean"), message);
    }

    @Test
    void anInvalidConfigurationValueFailsTheDeploymentNamingTheKey() {
        String message = failureOf("invalid-config");
        assertTrue(message.contains("invalid Squid Mesh configuration: squidmesh.lease-ttl-ms=-5"), message);
    }

    @Test
    void aMissingExecutorFailsTheDeployment() {
        String message = failureOf("no-executor");
        assertTrue(message.contains("missing Squid Mesh configuration: no io.squidmesh.executor.Executor bean"),
                message);
    }

    private String failureOf(String deployment) {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy(deployment));
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
