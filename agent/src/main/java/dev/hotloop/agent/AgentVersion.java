package dev.hotloop.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from the build. */
public final class AgentVersion {

    private static final String VERSION = load();

    private AgentVersion() {
    }

    /** @return the agent's version, or {@code unknown} */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        // The jar's manifest: read when the class was defined, so this costs no lookup. A resource
        // lookup would ask the boot loader first and open the JDK's module image (a dozen classes).
        String fromManifest = AgentVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = AgentVersion.class.getResourceAsStream("/META-INF/hotloop/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
