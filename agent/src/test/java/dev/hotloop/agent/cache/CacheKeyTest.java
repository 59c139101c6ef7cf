package dev.hotloop.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.AgentOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final byte[] CLASS = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61};

    private static String key(String agentArgs, boolean vectorApi, String version, int feature, int bits, byte[] cls) {
        String vectors = "amd64;cpu=1f;jvm=-XX:MaxVectorSize=" + bits;
        AgentOptions o = AgentOptions.parse("threads=4," + agentArgs, new Properties(), Map.of());
        return new CacheKey(CacheKey.context(o, vectorApi, version, "1@2", feature, vectors)).of(cls);
    }

    private static String key(String agentArgs) {
        return key(agentArgs, true, "1.0", 17, 256, CLASS);
    }

    @Test
    void everyInputOfTheRewriteChangesTheKey() {
        byte[] other = CLASS.clone();
        other[7] = 62;
        List<String> keys = List.of(key("log=info"), key("vectorize=false"), key("parallel=false"), key("strict=true"),
                key("threads=2"), key("report=off"), key("log=info", false, "1.0", 17, 256, CLASS),
                key("log=info", true, "1.1", 17, 256, CLASS), key("log=info", true, "1.0", 25, 256, CLASS),
                key("log=info", true, "1.0", 17, 512, CLASS), key("log=info", true, "1.0", 17, 256, other));
        Set<String> distinct = new HashSet<>(keys);
        assertEquals(keys.size(), distinct.size(), keys.toString());
        assertTrue(keys.get(0).matches("[0-9a-f]{64}"), keys.get(0));
    }

    @Test
    void theClusterOptionChangesTheKeyItChangesTheDispatchAndTheReportLine() {
        assertNotEquals(key("log=info"), key("cluster=local[2]"));
        assertNotEquals(key("cluster=local[2]"), key("cluster=spark://127.0.0.1:7077"));
    }

    @Test
    void optionsThatDoNotChangeTheOutputShareEntries() {
        String base = key("log=info");
        assertEquals(base, key("log=debug"));
        assertEquals(base, key("report=out/r.json"), "timed either way");
        assertEquals(base, key("dump=/tmp/d"));
        assertEquals(base, key("cache=/elsewhere"));
        assertNotEquals(base, key("report=off"));
    }
}
