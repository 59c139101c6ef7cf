package dev.hotloop.agent.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The option {@code cluster}: a Spark master URL, checked at start. */
class ClusterOptionTest {

    private static AgentOptions args(String a) {
        return AgentOptions.parse(a, new Properties(), Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"spark://127.0.0.1:7077", "spark://master.example:7077", "local", "local[2]", "local[*]", "yarn", "k8s://https://api.example:6443"})
    void sparkMasterUrlsAreAccepted(String url) {
        AgentOptions o = args("cluster=" + url);
        assertEquals(url, o.cluster());
        assertTrue(o.toString().endsWith(",cluster=" + url), o.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "spark://host", "http://host:7077", "local[0]", "local[two]", "true"})
    void anythingElseStopsWithTheKeyAndTheForms(String bad) {
        OptionsException e = assertThrows(OptionsException.class, () -> args("cluster=" + bad));
        assertTrue(e.getMessage().contains("'cluster': expected a Spark master URL: spark://host:7077"), e.getMessage());
    }

    @Test
    void unsetByDefaultAndReadFromPropertiesAndEnvironment() {
        assertNull(AgentOptions.defaults().cluster());
        Properties p = new Properties();
        p.setProperty("hotloop.cluster", "spark://a:7077,b:7077");
        assertEquals("spark://a:7077,b:7077", AgentOptions.parse(null, p, Map.of()).cluster(),
                "a multi-master URL has commas: set it as a property");
        assertEquals("local[2]", AgentOptions.parse(null, new Properties(), Map.of("HOTLOOP_CLUSTER", "local[2]")).cluster());
        p.setProperty("hotloop.cluster", "local[4,2]");
        assertEquals("local[4,2]", AgentOptions.parse(null, p, Map.of()).cluster());
    }
}
