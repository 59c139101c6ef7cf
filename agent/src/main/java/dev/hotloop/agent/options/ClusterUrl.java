package dev.hotloop.agent.options;

import java.util.regex.Pattern;

/**
 * Checks the value of the option {@code cluster}: a Spark master URL. Only the forms Spark itself
 * accepts are let through, so a typo stops the JVM at start rather than at the first cluster loop.
 */
final class ClusterUrl {

    private static final String HOST_PORT = "[A-Za-z0-9._\\-\\[\\]:]+:[0-9]{1,5}";
    private static final Pattern FORMS = Pattern.compile(
            "local|local\\[([1-9][0-9]*|\\*)(,[1-9][0-9]*)?\\]"
            + "|spark://" + HOST_PORT + "(," + HOST_PORT + ")*"
            + "|yarn|k8s://\\S+");

    private ClusterUrl() {
    }

    /**
     * @param value the option's value
     * @return the value, trimmed
     * @throws IllegalArgumentException when it is no Spark master URL
     */
    static String check(String value) {
        String url = value.trim();
        if (!FORMS.matcher(url).matches()) {
            throw new IllegalArgumentException("expected a Spark master URL: spark://host:7077, local, local[N], "
                    + "local[*], yarn or k8s://...");
        }
        return url;
    }
}
