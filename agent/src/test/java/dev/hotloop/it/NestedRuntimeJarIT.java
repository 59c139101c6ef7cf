package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The runtime jar the agent jar carries (META-INF/hotloop/runtime.jar), which the agent appends to
 * the bootstrap class path, holds exactly the agent jar's own runtime classes, byte for byte: a
 * stale or partial copy would give rewritten code runtime classes of another build.
 */
class NestedRuntimeJarIT {

    @Test
    void theNestedRuntimeJarHoldsTheAgentJarsRuntimeClasses() throws IOException {
        Map<String, Long> agent = new TreeMap<>();
        Map<String, Long> nested = new TreeMap<>();
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith("dev/hotloop/runtime/") && entry.getName().endsWith(".class")) {
                    agent.put(entry.getName(), crc(jar.getInputStream(entry)));
                }
            }
            JarEntry runtime = jar.getJarEntry("META-INF/hotloop/runtime.jar");
            assertNotNull(runtime, "the agent jar carries its runtime jar");
            byte[] bytes = jar.getInputStream(runtime).readAllBytes();
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    if (entry.getName().endsWith(".class")) {
                        nested.put(entry.getName(), crc(in));
                    }
                }
            }
        }
        assertFalse(agent.isEmpty());
        assertEquals(agent, nested);
    }

    private static long crc(InputStream in) throws IOException {
        CRC32 c = new CRC32();
        c.update(in.readAllBytes());
        return c.getValue();
    }
}
