package io.squidmesh.it.support;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test deployments are the reference EAR exactly as users deploy it, plus one extra EJB module
 * ({@value #TEST_MODULE}) holding the test classes and the workflows and probes they need.
 */
public final class Deployments {

    public static final String TEST_MODULE = "squidmesh-it.jar";

    /** The reference EAR's web module, which Arquillian's in-container runner servlet joins. */
    private static final String WEB_MODULE = "squidmesh-web.war";
    private static final String TEST_RUNNER_PATH = "/ArquillianServletRunnerEE9";

    private Deployments() {
    }

    /** The reference EAR built by {@code squidmesh-ear}. */
    public static EnterpriseArchive referenceEar() {
        String path = System.getProperty("squidmesh.it.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property squidmesh.it.ear must name the built EAR, was " + path);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
    }

    /** The reference EAR plus a test module made of these classes and packages. */
    public static EnterpriseArchive withTestModule(JavaArchive testModule) {
        EnterpriseArchive ear = referenceEar();
        testModule.addAsManifestResource(new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>"),
                "beans.xml");
        testModule.addAsManifestResource(new StringAsset(
                "<ejb-jar xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\"/>"), "ejb-jar.xml");
        testModule.addClasses(Deployments.class, ServerManagement.class);
        // the management client used by the tests that operate the queue like the console does, and the JDK's
        // HTTP server, which stands in for remote systems the example workflows call
        testModule.setManifest(new StringAsset("Manifest-Version: 1.0\n"
                + "Dependencies: org.jboss.as.controller-client, org.jboss.dmr, jdk.httpserver\n"));
        ear.addAsModule(testModule);
        String applicationXml = read(ear, "META-INF/application.xml");
        ear.delete("META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(applicationXml.replace("</application>",
                "  <module>\n    <ejb>" + testModule.getName() + "</ejb>\n  </module>\n</application>")));
        openTestRunner(ear);
        return ear;
    }

    /** The same content under another archive name, for classes that deploy several variants. */
    public static EnterpriseArchive renamed(EnterpriseArchive ear, String name) {
        return ShrinkWrap.create(EnterpriseArchive.class, name).merge(ear);
    }

    /**
     * The web module denies every path to callers without a Squid Mesh role; Arquillian's runner servlet,
     * which it merges into that module to run in-container tests, must stay reachable without one.
     */
    private static void openTestRunner(EnterpriseArchive ear) {
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        String webXml = read(web, "WEB-INF/web.xml");
        if (!webXml.contains("  <login-config>")) {
            throw new IllegalStateException(WEB_MODULE + " web.xml has no login-config to put the runner's constraint before");
        }
        web.delete("WEB-INF/web.xml");
        web.setWebXML(new StringAsset(webXml.replace("  <login-config>",
                "  <security-constraint>\n    <web-resource-collection>\n      <web-resource-name>Arquillian test runner"
                        + "</web-resource-name>\n      <url-pattern>" + TEST_RUNNER_PATH + "</url-pattern>\n"
                        + "    </web-resource-collection>\n  </security-constraint>\n\n  <login-config>")));
        ear.delete(WEB_MODULE);
        ear.addAsModule(web);
    }

    public static JavaArchive testModule() {
        return ShrinkWrap.create(JavaArchive.class, TEST_MODULE);
    }

    private static String read(Archive<?> archive, String path) {
        try (InputStream in = archive.get(path).getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
