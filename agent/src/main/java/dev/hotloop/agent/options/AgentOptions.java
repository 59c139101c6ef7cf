package dev.hotloop.agent.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * The agent's options, read from the agent argument string, then {@code -Dhotloop.KEY} system
 * properties, then {@code HOTLOOP_KEY} environment variables; the first source that sets a key
 * wins. Every key of the agent arguments and properties is whitelisted and every value checked: a
 * mistake is an {@link OptionsException} whose message names the key and where it came from. An
 * unknown {@code HOTLOOP_*} environment variable is only a {@linkplain #warnings() warning}: the
 * prefix is shared with the user's own variables ({@code HOTLOOP_HOME}).
 */
public final class AgentOptions {

    public static final String ENABLED = "enabled";
    public static final String VECTORIZE = "vectorize";
    public static final String PARALLEL = "parallel";
    public static final String STRICT = "strict";
    public static final String THREADS = "threads";
    public static final String REPORT = "report";
    public static final String LOG = "log";
    public static final String DUMP = "dump";
    public static final String CACHE = "cache";
    public static final String CLUSTER = "cluster";

    /** Every key, in the order of the documentation. */
    public static final List<String> KEYS = List.of(ENABLED, VECTORIZE, PARALLEL, STRICT, THREADS, REPORT, LOG, DUMP, CACHE,
            CLUSTER);

    static final String PROPERTY_PREFIX = "hotloop.";
    static final String ENV_PREFIX = "HOTLOOP_";
    /** The value of {@code cache} that turns the cache off. */
    static final String CACHE_OFF = "off";
    /** The value of {@code cache} that names the default directory, as if unset. */
    static final String CACHE_ON = "on";
    /** Each key's default and meaning, for {@code --help}. */
    private static final Map<String, String> HELP = Map.of(
            ENABLED, "true     false leaves every class untouched",
            VECTORIZE, "true     apply @Vectorize rewrites",
            PARALLEL, "true     apply @Parallel rewrites",
            STRICT, "false    a loop that cannot be rewritten makes its method throw at first call (for CI)",
            THREADS, "cores    size of the shared pool, 1 to 32767",
            REPORT, "stderr   stderr, off, or files ending in .json, .csv or .html (joined by the path separator)",
            LOG, "info     off, warn, info or debug",
            DUMP, "none     directory where rewritten class files are written (created at start)",
            CACHE, "on       rewritten classes kept between runs: off, on ($XDG_CACHE_HOME/hotloop or ~/.cache/hotloop), or a directory",
            CLUSTER, "none     Spark master URL that @Parallel(cluster = true) loops run on (needs hotloop-spark on the class path)");
    /** Properties under our prefix that are ours but not options. */
    private static final List<String> RESERVED_PROPERTIES = List.of("hotloop.agent.version");

    private final boolean enabled;
    private final boolean vectorize;
    private final boolean parallel;
    private final boolean strict;
    private final int threads;
    private final List<ReportTarget> reports;
    private final LogLevel log;
    private final Path dump;
    private final Path cache;
    private final String cluster;
    private final Map<String, String> explicit;
    private final Map<String, String> sources;
    private final List<String> warnings;

    private AgentOptions(Map<String, Setting> settings, Path defaultCache, List<String> warnings) {
        // No lambdas or method references here: premain must not bootstrap java.lang.invoke.
        enabled = (Boolean) value(settings, ENABLED, Boolean.TRUE);
        vectorize = (Boolean) value(settings, VECTORIZE, Boolean.TRUE);
        parallel = (Boolean) value(settings, PARALLEL, Boolean.TRUE);
        strict = (Boolean) value(settings, STRICT, Boolean.FALSE);
        threads = (Integer) value(settings, THREADS, Runtime.getRuntime().availableProcessors());
        @SuppressWarnings("unchecked")
        List<ReportTarget> r = (List<ReportTarget>) value(settings, REPORT, List.of(new ReportTarget(ReportTarget.Kind.STDERR, null)));
        reports = r;
        log = (LogLevel) value(settings, LOG, LogLevel.INFO);
        dump = (Path) value(settings, DUMP, null);
        Setting c = settings.get(CACHE);
        String cacheValue = c == null ? null : c.value.trim();
        cache = CACHE_OFF.equals(cacheValue) ? null
                : CACHE_ON.equals(cacheValue) ? defaultCache : (Path) value(settings, CACHE, defaultCache);
        cluster = (String) value(settings, CLUSTER, null);
        explicit = new LinkedHashMap<>();
        sources = new LinkedHashMap<>();
        for (Map.Entry<String, Setting> e : settings.entrySet()) {
            explicit.put(e.getKey(), e.getValue().value);
            sources.put(e.getKey(), e.getValue().source);
        }
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @return options with every default, as if nothing was set; the cache directory is this
     *     JVM's default one ({@link #defaultCacheDirectory})
     */
    public static AgentOptions defaults() {
        return new AgentOptions(Map.of(), defaultCacheDirectory(System.getProperties(), System.getenv()), List.of());
    }

    /**
     * The user's cache directory for Hotloop, as the XDG base-directory rules place it:
     * {@code $XDG_CACHE_HOME/hotloop} when that variable holds an absolute path, else
     * {@code ~/.cache/hotloop}.
     *
     * @param properties where {@code user.home} is read
     * @param env        where {@code XDG_CACHE_HOME} is read
     * @return the directory, or null (no cache) when neither is known
     */
    public static Path defaultCacheDirectory(Properties properties, Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "hotloop");
        }
        String home = properties.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) {
            return null;
        }
        return Path.of(home, ".cache", "hotloop");
    }

    /**
     * Reads the options of this JVM and {@linkplain #checkDump() checks the dump directory}.
     *
     * @param agentArgs the string after {@code =} in {@code -javaagent:...=}, or null
     * @return the options
     * @throws OptionsException naming the first bad key or value
     */
    public static AgentOptions fromEnvironment(String agentArgs) {
        AgentOptions o = parse(agentArgs, System.getProperties(), System.getenv());
        o.checkDump();
        return o;
    }

    /**
     * Reads options from the three sources, agent arguments first.
     *
     * @param agentArgs  {@code key=value,key=value}, or null
     * @param properties system properties; keys under {@code hotloop.} are read
     * @param env        environment; keys under {@code HOTLOOP_} are read
     * @return the options
     * @throws OptionsException naming the first bad key or value
     */
    public static AgentOptions parse(String agentArgs, Properties properties, Map<String, String> env) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith(ENV_PREFIX)) {
                String key = e.getKey().substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
                if (KEYS.contains(key)) {
                    put(settings, key, e.getValue(), "environment variable " + e.getKey());
                } else {
                    warnings.add("environment variable " + e.getKey() + " is not a Hotloop option and is ignored; "
                            + "known options: " + String.join(", ", KEYS));
                }
            }
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX) && !RESERVED_PROPERTIES.contains(name)) {
                put(settings, name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name),
                        "system property -D" + name);
            }
        }
        if (agentArgs != null && !agentArgs.isBlank()) {
            for (String pair : agentArgs.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new OptionsException("agent option '" + pair.trim()
                            + "' is not key=value; write -javaagent:hotloop-agent.jar=key=value,key=value");
                }
                put(settings, pair.substring(0, eq).trim(), pair.substring(eq + 1), "agent option");
            }
        }
        return new AgentOptions(settings, defaultCacheDirectory(properties, env), warnings);
    }

    private static void put(Map<String, Setting> settings, String key, String value, String source) {
        if (!KEYS.contains(key)) {
            throw new OptionsException(source + " '" + key + "' unknown; known options: " + String.join(", ", KEYS));
        }
        settings.put(key, new Setting(value, source));
    }

    private static Object value(Map<String, Setting> settings, String key, Object def) {
        Setting s = settings.get(key);
        if (s == null) {
            return def;
        }
        try {
            return convert(key, s.value);
        } catch (RuntimeException e) {
            throw new OptionsException("bad value '" + s.value + "' for " + s.source + " '" + key + "': " + e.getMessage());
        }
    }

    private static Object convert(String key, String value) {
        switch (key) {
            case THREADS:
                return threadCount(value);
            case REPORT:
                return ReportTarget.parseAll(value);
            case LOG:
                return LogLevel.parse(value);
            case DUMP:
            case CACHE:
                return directory(value);
            case CLUSTER:
                return ClusterUrl.check(value);
            default:
                return bool(value);
        }
    }

    private static boolean bool(String value) {
        String b = value.trim().toLowerCase(Locale.ROOT);
        if (b.equals("true")) {
            return true;
        }
        if (b.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static int threadCount(String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number of threads, 1 to 32767");
        }
        if (n < 1 || n > 32767) {
            throw new IllegalArgumentException("expected 1 to 32767 threads");
        }
        return n;
    }

    private static Path directory(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("expected a directory path");
        }
        return Path.of(value.trim());
    }

    /**
     * Makes sure the {@code dump} directory exists and can be written, as the agent starts (not at
     * the first class, where a failure would be too late to say).
     *
     * @throws OptionsException naming {@code dump} and the reason
     */
    public void checkDump() {
        if (dump == null) {
            return;
        }
        Setting s = new Setting(explicit.get(DUMP), sources.get(DUMP));
        try {
            Files.createDirectories(dump);
        } catch (IOException | RuntimeException e) {
            throw new OptionsException("bad value '" + s.value + "' for " + s.source + " '" + DUMP
                    + "': cannot create the directory (" + reason(e) + "); name a directory this user can write");
        }
        if (!Files.isWritable(dump)) {
            throw new OptionsException("bad value '" + s.value + "' for " + s.source + " '" + DUMP
                    + "': the directory is not writable; name a directory this user can write");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file, not a directory: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** @return warnings found while reading (unknown {@code HOTLOOP_*} variables), one line each */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the options with their defaults and meanings, one per line, for {@code --help} */
    public static String help() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-10s %-8s %s%n", "option", "default", "meaning"));
        for (String key : KEYS) {
            b.append(String.format(Locale.ROOT, "  %-10s %s%n", key, HELP.getOrDefault(key, "")));
        }
        return b.toString();
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean vectorize() {
        return vectorize;
    }

    public boolean parallel() {
        return parallel;
    }

    public boolean strict() {
        return strict;
    }

    public int threads() {
        return threads;
    }

    /** @return the first report target: {@code off} exactly when reports are off */
    public ReportTarget report() {
        return reports.get(0);
    }

    /** @return every report target, in the order given; each is written at exit */
    public List<ReportTarget> reports() {
        return reports;
    }

    public LogLevel log() {
        return log;
    }

    /** @return where rewritten class files are written, or null */
    public Path dump() {
        return dump;
    }

    /**
     * @return the directory of the persistent cache of rewritten classes, or null when
     *     {@code cache=off} (or no user cache directory is known)
     */
    public Path cache() {
        return cache;
    }

    /**
     * @return the Spark master URL that {@code @Parallel(cluster = true)} loops run on
     *     ({@code spark://host:7077}, {@code local[4]}), or null: every loop runs on the local pool
     */
    public String cluster() {
        return cluster;
    }

    /** @return every option with its effective value, in the agent-argument syntax */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        j.add(ENABLED + "=" + enabled).add(VECTORIZE + "=" + vectorize).add(PARALLEL + "=" + parallel)
                .add(STRICT + "=" + strict).add(THREADS + "=" + threads).add(REPORT + "=" + reportValue())
                .add(LOG + "=" + log.name().toLowerCase(Locale.ROOT));
        if (dump != null) {
            j.add(DUMP + "=" + dump);
        }
        j.add(CACHE + "=" + (cache == null ? CACHE_OFF : cache.toString()));
        if (cluster != null) {
            j.add(CLUSTER + "=" + cluster);
        }
        return j.toString();
    }

    private String reportValue() {
        StringJoiner j = new StringJoiner(ReportTarget.SEPARATOR);
        for (ReportTarget t : reports) {
            j.add(t.toString());
        }
        return j.toString();
    }

    /** @return the options that were set explicitly, with their raw values */
    public Map<String, String> explicit() {
        return Map.copyOf(explicit);
    }

    private record Setting(String value, String source) {
    }
}
