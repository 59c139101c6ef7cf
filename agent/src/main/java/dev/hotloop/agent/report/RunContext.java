package dev.hotloop.agent.report;

import dev.hotloop.agent.options.AgentOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of one run written at the head of a report file.
 *
 * @param agentVersion the agent's version, {@code 0.1.0-SNAPSHOT}
 * @param java         the JVM's name and version
 * @param cores        processors the JVM sees
 * @param vectorApi    whether {@code jdk.incubator.vector} is resolved
 * @param options      every option with its effective value: booleans and numbers typed, the rest strings
 */
public record RunContext(String agentVersion, String java, int cores, boolean vectorApi, Map<String, Object> options) {

    /**
     * @param agentVersion the agent's version
     * @param options      the agent's options
     * @param vectorApi    whether {@code jdk.incubator.vector} is resolved
     * @return the context of this JVM
     */
    public static RunContext of(String agentVersion, AgentOptions options, boolean vectorApi) {
        // The property, not Runtime.version(): its toString joins with a stream, 2.4 ms of premain.
        return new RunContext(agentVersion, System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version", System.getProperty("java.version")),
                Runtime.getRuntime().availableProcessors(), vectorApi, typed(options.toString()));
    }

    /**
     * @param agentArgs options in the agent-argument syntax, as {@link AgentOptions#toString()} writes them
     * @return the options as an ordered map; a value holding a comma stays whole when what follows the
     *     comma is not a known key
     */
    static Map<String, Object> typed(String agentArgs) {
        Map<String, Object> out = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        for (String part : agentArgs.split(",", -1)) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? null : part.substring(0, eq);
            if (k != null && AgentOptions.KEYS.contains(k) || key == null) {
                if (key != null) {
                    out.put(key, value(value.toString()));
                }
                key = k == null ? part : k;
                value.setLength(0);
                value.append(eq < 0 ? "" : part.substring(eq + 1));
            } else {
                value.append(',').append(part);
            }
        }
        if (key != null && !key.isEmpty()) {
            out.put(key, value(value.toString()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object value(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        if (!v.isEmpty() && v.length() < 10 && digits(v)) {
            return Integer.valueOf(v);
        }
        return v;
    }

    /** A loop, not a lambda: this runs in premain, where a lambda would bootstrap java.lang.invoke. */
    private static boolean digits(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return {@code hotloop 0.1.0-SNAPSHOT} */
    public String agent() {
        return "hotloop " + agentVersion;
    }
}
