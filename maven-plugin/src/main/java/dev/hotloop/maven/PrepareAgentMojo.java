package dev.hotloop.maven;

import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.options.OptionsException;
import dev.hotloop.agent.options.ReportTarget;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Sets the {@code argLine} property (or the one named by {@code propertyName}) so that the test JVMs
 * Surefire and Failsafe start run with the Hotloop agent:
 * {@code -javaagent:<agent jar>=<options> --add-modules jdk.incubator.vector}, after whatever the
 * property held (JaCoCo's agent, for one). A plugin configuration that sets its own {@code argLine}
 * must include the property with late replacement: {@code <argLine>@{argLine} -Xmx1g</argLine>}.
 *
 * <p>Each agent option is a parameter of the same name; only those set are passed, so the agent's
 * defaults (and its {@code -Dhotloop.*} and {@code HOTLOOP_*} sources) apply to the rest. The options
 * are checked here, by the agent's own parser, so that a mistake fails the build at this goal rather
 * than the test JVM at start.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

    /** The agent artifact, as a key of the plugin's artifact map. */
    static final String AGENT_ARTIFACT = "dev.hotloop:hotloop-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifactMap;

    /** Leaves the property as it is (set to empty when it was not set, so that {@code @{argLine}} still resolves). */
    @Parameter(property = "hotloop-plugin.skip", defaultValue = "false")
    boolean skip;

    /** The property that receives the JVM arguments. */
    @Parameter(property = "hotloop-plugin.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Agent option {@code enabled}: {@code false} leaves every class untouched. */
    @Parameter(property = "hotloop.enabled")
    Boolean enabled;

    /** Agent option {@code vectorize}: apply {@code @Vectorize} rewrites. */
    @Parameter(property = "hotloop.vectorize")
    Boolean vectorize;

    /** Agent option {@code parallel}: apply {@code @Parallel} rewrites. */
    @Parameter(property = "hotloop.parallel")
    Boolean parallel;

    /** Agent option {@code strict}: a loop that cannot be rewritten makes its method throw, with the diagnostic. */
    @Parameter(property = "hotloop.strict")
    Boolean strict;

    /** Agent option {@code threads}: size of the shared pool. */
    @Parameter(property = "hotloop.threads")
    Integer threads;

    /**
     * Agent option {@code report}: {@code stderr}, {@code off}, or a {@code .json}, {@code .csv} or
     * {@code .html} file (several separated by the platform's path separator).
     */
    @Parameter(property = "hotloop.report", defaultValue = "${project.build.directory}/hotloop/hotloop-report.json")
    String report;

    /**
     * The HTML page of the report, written by the agent at the test JVM's exit as a second report
     * target (so its format is the agent's own); {@code off} for none. None either when {@code report=off}.
     */
    @Parameter(property = "hotloop-plugin.htmlReport", defaultValue = "${project.build.directory}/hotloop/hotloop-report.html")
    String htmlReport;

    /** Agent option {@code log}: {@code off}, {@code warn}, {@code info} or {@code debug}. */
    @Parameter(property = "hotloop.log")
    String log;

    /** Agent option {@code dump}: directory where rewritten class files are written. */
    @Parameter(property = "hotloop.dump")
    File dump;

    /** Agent option {@code cache}: {@code off} or the directory of the cache of rewritten classes. */
    @Parameter(property = "hotloop.cache")
    String cache;

    /**
     * Agent option {@code cluster}: the Spark master URL that {@code @Parallel(cluster = true)} loops
     * run on ({@code hotloop-spark} must be on the test class path).
     */
    @Parameter(property = "hotloop.cluster")
    String cluster;

    /** More agent options, {@code key=value,key=value}, added last (so they win over the parameters above). */
    @Parameter(property = "hotloop-plugin.options")
    String options;

    @Override
    public void execute() throws MojoExecutionException {
        Properties properties = project.getProperties();
        String existing = properties.getProperty(propertyName);
        if (skip) {
            if (existing == null) {
                properties.setProperty(propertyName, "");
            }
            getLog().info("hotloop: skipped (skip=true); " + propertyName + " left as it was");
            return;
        }
        String agentOptions = agentOptions();
        String agent;
        try {
            agent = AgentArgLine.of(agentJar().toPath(), agentOptions);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hotloop: " + e.getMessage());
        }
        String value = AgentArgLine.append(existing, agent);
        properties.setProperty(propertyName, value);
        getLog().info("hotloop: " + propertyName + " set to " + value);
    }

    private File agentJar() throws MojoExecutionException {
        Artifact agent = pluginArtifactMap.get(AGENT_ARTIFACT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("hotloop: the agent artifact " + AGENT_ARTIFACT
                    + " is not among the plugin's dependencies; do not exclude it from the plugin");
        }
        return agent.getFile();
    }

    /** @return {@code report}, followed by the HTML page unless either is off */
    private String reportTargets() {
        boolean off = report == null || report.isBlank() || report.trim().equalsIgnoreCase("off");
        if (off || htmlReport == null || htmlReport.isBlank() || htmlReport.trim().equalsIgnoreCase("off")) {
            return report;
        }
        return report.trim() + ReportTarget.SEPARATOR + htmlReport.trim();
    }

    /** @return the options that were set, in the agent's syntax, checked by the agent's parser */
    String agentOptions() throws MojoExecutionException {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put(AgentOptions.ENABLED, enabled);
        set.put(AgentOptions.VECTORIZE, vectorize);
        set.put(AgentOptions.PARALLEL, parallel);
        set.put(AgentOptions.STRICT, strict);
        set.put(AgentOptions.THREADS, threads);
        set.put(AgentOptions.REPORT, reportTargets());
        set.put(AgentOptions.LOG, log);
        set.put(AgentOptions.DUMP, dump == null ? null : dump.getAbsolutePath());
        set.put(AgentOptions.CACHE, cache);
        set.put(AgentOptions.CLUSTER, cluster);
        StringJoiner joined = new StringJoiner(",");
        for (Map.Entry<String, Object> e : set.entrySet()) {
            if (e.getValue() == null || e.getValue().toString().isBlank()) {
                continue;
            }
            String v = e.getValue().toString().trim();
            if (v.indexOf(',') >= 0) {
                throw new MojoExecutionException("hotloop: the value '" + v + "' of parameter " + e.getKey()
                        + " holds a comma, which separates agent options; choose a value without one");
            }
            joined.add(e.getKey() + "=" + v);
        }
        if (options != null && !options.isBlank()) {
            joined.add(options.trim());
        }
        String line = joined.toString();
        try {
            AgentOptions.parse(line, new Properties(), Map.of());
        } catch (OptionsException e) {
            throw new MojoExecutionException("hotloop: " + e.getMessage());
        }
        return line;
    }
}
