package dev.hotloop.agent.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentOptionsTest {

    /** What {@link AgentOptions#defaults()} reads for the default cache directory, and nothing else. */
    private static final Properties NO_PROPERTIES = homeOnly();
    private static final Map<String, String> NO_ENV = System.getenv("XDG_CACHE_HOME") == null ? Map.of()
            : Map.of("XDG_CACHE_HOME", System.getenv("XDG_CACHE_HOME"));

    private static Properties homeOnly() {
        Properties p = new Properties();
        p.setProperty("user.home", System.getProperty("user.home"));
        return p;
    }

    private static AgentOptions args(String agentArgs) {
        return AgentOptions.parse(agentArgs, NO_PROPERTIES, NO_ENV);
    }

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsMatchTheDocumentedTable() {
        AgentOptions o = AgentOptions.defaults();
        assertTrue(o.enabled());
        assertTrue(o.vectorize());
        assertTrue(o.parallel());
        assertFalse(o.strict());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
        assertEquals(ReportTarget.Kind.STDERR, o.report().kind());
        assertNull(o.report().file());
        assertEquals(LogLevel.INFO, o.log());
        assertNull(o.dump());
        assertEquals(AgentOptions.defaultCacheDirectory(System.getProperties(), System.getenv()), o.cache());
        assertTrue(o.explicit().isEmpty());
    }

    @Test
    void cacheDefaultsToTheXdgCacheDirectoryThenToDotCache() {
        Properties home = props("user.home", "/home/ann");
        assertEquals(Path.of("/home/ann/.cache/hotloop"), AgentOptions.parse(null, home, Map.of()).cache());
        assertEquals(Path.of("/var/cache/ann/hotloop"),
                AgentOptions.parse(null, home, Map.of("XDG_CACHE_HOME", "/var/cache/ann")).cache());
        assertEquals(Path.of("/home/ann/.cache/hotloop"),
                AgentOptions.parse(null, home, Map.of("XDG_CACHE_HOME", "relative/ignored")).cache(),
                "the XDG rules ignore a relative XDG_CACHE_HOME");
        assertNull(AgentOptions.parse(null, new Properties(), Map.of()).cache(), "no home: no cache");
    }

    @Test
    void cacheOnIsTheDefaultDirectoryNotADirectoryNamedOn() {
        Properties home = props("user.home", "/home/ann");
        assertEquals(Path.of("/home/ann/.cache/hotloop"), AgentOptions.parse("cache=on", home, Map.of()).cache());
        assertEquals(Path.of("/home/ann/.cache/hotloop"), AgentOptions.parse(null, home, Map.of("HOTLOOP_CACHE", "on")).cache());
    }

    @Test
    void cacheIsOffOrADirectoryWithTheUsualPrecedence() {
        assertNull(args("cache=off").cache());
        assertEquals(Path.of("/tmp/hl-cache"), args("cache=/tmp/hl-cache").cache());
        AgentOptions o = AgentOptions.parse("cache=/a", props("hotloop.cache", "/b"), Map.of("HOTLOOP_CACHE", "off"));
        assertEquals(Path.of("/a"), o.cache(), "agent argument beats property and environment");
        assertNull(AgentOptions.parse(null, NO_PROPERTIES, Map.of("HOTLOOP_CACHE", "off")).cache());
        assertEquals(Path.of("/b"), AgentOptions.parse(null, props("hotloop.cache", "/b"), Map.of("HOTLOOP_CACHE", "off")).cache());
        assertTrue(args("cache=off").toString().contains("cache=off"));
    }

    @Test
    void nothingSetEqualsDefaults() {
        assertEquals(AgentOptions.defaults().toString(), args(null).toString());
        assertEquals(AgentOptions.defaults().toString(), args("").toString());
        assertEquals(AgentOptions.defaults().toString(), args("  ").toString());
    }

    @Test
    void everyKeyIsParsed() {
        AgentOptions o = args("enabled=false,vectorize=false,parallel=false,strict=true,threads=3,"
                + "report=out/r.json,log=debug,dump=build/dump,cache=build/cache,cluster=local[2]");
        assertFalse(o.enabled());
        assertFalse(o.vectorize());
        assertFalse(o.parallel());
        assertTrue(o.strict());
        assertEquals(3, o.threads());
        assertEquals(ReportTarget.Kind.JSON, o.report().kind());
        assertEquals(Path.of("out/r.json"), o.report().file());
        assertEquals(LogLevel.DEBUG, o.log());
        assertEquals(Path.of("build/dump"), o.dump());
        assertEquals(Path.of("build/cache"), o.cache());
        assertEquals("local[2]", o.cluster());
        assertEquals(AgentOptions.KEYS.size(), o.explicit().size());
    }

    @ParameterizedTest
    @CsvSource({
        "stderr, STDERR", "off, OFF", "OFF, OFF", "r.json, JSON", "dir/r.csv, CSV", "r.csv, CSV", "r.html, HTML",
        "/tmp/R.JSON, JSON",
    })
    void reportTargets(String value, ReportTarget.Kind kind) {
        assertEquals(kind, args("report=" + value).report().kind());
    }

    @Test
    void reportListsSeveralTargetsEachWrittenAtExit() {
        String sep = ReportTarget.SEPARATOR;
        AgentOptions o = args("report=out/r.json" + sep + "out/r.html" + sep + "stderr");
        assertEquals(List.of(new ReportTarget(ReportTarget.Kind.JSON, Path.of("out/r.json")),
                new ReportTarget(ReportTarget.Kind.HTML, Path.of("out/r.html")),
                new ReportTarget(ReportTarget.Kind.STDERR, null)), o.reports());
        assertEquals(o.reports().get(0), o.report());
        assertTrue(o.toString().contains("report=out/r.json" + sep + "out/r.html" + sep + "stderr"), o.toString());
        assertEquals(o.toString(), args(o.toString()).toString());
    }

    @Test
    void reportOffStandsAlone() {
        assertEquals(List.of(new ReportTarget(ReportTarget.Kind.OFF, null)), args("report=off").reports());
        OptionsException e = assertThrows(OptionsException.class,
                () -> args("report=off" + ReportTarget.SEPARATOR + "r.json"));
        assertTrue(e.getMessage().contains("off cannot be listed with other report targets"), e.getMessage());
        assertThrows(OptionsException.class, () -> args("report=r.json" + ReportTarget.SEPARATOR));
    }

    @ParameterizedTest
    @CsvSource({"off, OFF", "warn, WARN", "info, INFO", "debug, DEBUG", "DEBUG, DEBUG"})
    void logLevels(String value, LogLevel level) {
        assertEquals(level, args("log=" + value).log());
    }

    @Test
    void valuesAreTrimmedAndBooleansIgnoreCase() {
        AgentOptions o = args(" strict = TRUE , threads= 7 ");
        assertTrue(o.strict());
        assertEquals(7, o.threads());
    }

    @Test
    void propertiesAndEnvironmentAreRead() {
        AgentOptions fromProps = AgentOptions.parse(null, props("hotloop.threads", "5", "other.key", "x"), NO_ENV);
        assertEquals(5, fromProps.threads());
        AgentOptions fromEnv = AgentOptions.parse(null, NO_PROPERTIES, Map.of("HOTLOOP_THREADS", "6", "PATH", "/bin"));
        assertEquals(6, fromEnv.threads());
    }

    @Test
    void agentArgumentsWinOverPropertiesWhichWinOverEnvironment() {
        Map<String, String> env = Map.of("HOTLOOP_THREADS", "1", "HOTLOOP_LOG", "warn", "HOTLOOP_STRICT", "true");
        Properties p = props("hotloop.threads", "2", "hotloop.log", "debug");
        AgentOptions o = AgentOptions.parse("threads=3", p, env);
        assertEquals(3, o.threads(), "agent argument beats property and environment");
        assertEquals(LogLevel.DEBUG, o.log(), "property beats environment");
        assertTrue(o.strict(), "environment is read when nothing else sets the key");
        assertEquals("3", o.explicit().get("threads"));
    }

    @Test
    void theAgentVersionPropertyIsNotAnOption() {
        Properties p = homeOnly();
        p.setProperty("hotloop.agent.version", "1.0");
        AgentOptions o = AgentOptions.parse(null, p, NO_ENV);
        assertEquals(AgentOptions.defaults().toString(), o.toString());
    }

    @Test
    void unknownAgentArgumentIsRejectedByName() {
        OptionsException e = assertThrows(OptionsException.class, () -> args("threads=2,colour=blue"));
        assertTrue(e.getMessage().contains("'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("agent option"), e.getMessage());
        assertTrue(e.getMessage().contains("'colour' unknown; known options: enabled, vectorize"), e.getMessage());
    }

    @Test
    void unknownPropertyIsRejectedByName() {
        OptionsException e = assertThrows(OptionsException.class,
                () -> AgentOptions.parse(null, props("hotloop.colour", "blue"), NO_ENV));
        assertTrue(e.getMessage().contains("system property -Dhotloop.colour"), e.getMessage());
        assertTrue(e.getMessage().contains("'colour'"), e.getMessage());
    }

    @Test
    void unknownEnvironmentVariableIsOneWarningNotAStop() {
        AgentOptions o = AgentOptions.parse(null, NO_PROPERTIES, Map.of("HOTLOOP_HOME", "/opt/hotloop", "HOTLOOP_THREADS", "3"));
        assertEquals(3, o.threads());
        assertEquals(1, o.warnings().size(), o.warnings()::toString);
        assertTrue(o.warnings().get(0).startsWith("environment variable HOTLOOP_HOME is not a Hotloop option"),
                o.warnings()::toString);
        assertTrue(args("threads=2").warnings().isEmpty());
    }

    @Test
    void badValueInAKnownEnvironmentVariableStillStops() {
        OptionsException e = assertThrows(OptionsException.class,
                () -> AgentOptions.parse(null, NO_PROPERTIES, Map.of("HOTLOOP_THREADS", "many")));
        assertTrue(e.getMessage().contains("environment variable HOTLOOP_THREADS"), e.getMessage());
    }

    @Test
    void dumpDirectoryIsCreatedAndCheckedAtStart(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path dir = tmp.resolve("a/b");
        args("dump=" + dir).checkDump();
        assertTrue(java.nio.file.Files.isDirectory(dir));
        OptionsException e = assertThrows(OptionsException.class, () -> args("dump=/proc/nope").checkDump());
        assertTrue(e.getMessage().startsWith("bad value '/proc/nope' for agent option 'dump': cannot create"), e.getMessage());
    }

    @Test
    void dumpOnAFileIsRefusedAtStart(@org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
        Path file = java.nio.file.Files.createFile(tmp.resolve("f"));
        OptionsException e = assertThrows(OptionsException.class, () -> args("dump=" + file).checkDump());
        assertTrue(e.getMessage().contains("'dump'"), e.getMessage());
    }

    @Test
    void keysAreCaseSensitiveInAgentArguments() {
        OptionsException e = assertThrows(OptionsException.class, () -> args("Threads=2"));
        assertTrue(e.getMessage().contains("'Threads'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "threads=0        | threads",
        "threads=-4       | threads",
        "threads=abc      | threads",
        "threads=40000    | threads",
        "threads=         | threads",
        "log=loud         | log",
        "report=out.txt   | report",
        "report=          | report",
        "report=.csv      | report",
        "enabled=yes      | enabled",
        "vectorize=1      | vectorize",
        "parallel=on      | parallel",
        "strict=          | strict",
        "dump=            | dump",
        "cache=           | cache",
    })
    void badValueIsRejectedNamingKeyAndValue(String pair, String key) {
        OptionsException e = assertThrows(OptionsException.class, () -> args(pair));
        String value = pair.substring(pair.indexOf('=') + 1);
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad value '" + value + "'"), e.getMessage());
    }

    @Test
    void badValueFromPropertyNamesTheProperty() {
        OptionsException e = assertThrows(OptionsException.class,
                () -> AgentOptions.parse(null, props("hotloop.threads", "many"), NO_ENV));
        assertTrue(e.getMessage().contains("-Dhotloop.threads"), e.getMessage());
    }

    @Test
    void badValueFromEnvironmentNamesTheVariable() {
        OptionsException e = assertThrows(OptionsException.class,
                () -> AgentOptions.parse(null, NO_PROPERTIES, Map.of("HOTLOOP_LOG", "loud")));
        assertTrue(e.getMessage().contains("HOTLOOP_LOG"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", "strict=true,novalue", "=true"})
    void pairWithoutKeyOrEqualsIsRejected(String agentArgs) {
        OptionsException e = assertThrows(OptionsException.class, () -> args(agentArgs));
        String bad = agentArgs.contains(",") ? agentArgs.substring(agentArgs.indexOf(',') + 1) : agentArgs;
        assertTrue(e.getMessage().contains("'" + bad + "' is not key=value"), e.getMessage());
    }

    @Test
    void messagesAreOneLine() {
        for (String bad : new String[] {"colour=x", "threads=abc", "novalue", "report=a.txt"}) {
            OptionsException e = assertThrows(OptionsException.class, () -> args(bad));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "strict=true,threads=2,log=warn",
        "enabled=false,vectorize=false,parallel=false,report=off,log=off",
        "report=reports/run.html,dump=/tmp/hotloop-dump",
        "report=x.csv",
        "cache=off",
        "cache=/tmp/hotloop-cache",
        "cluster=local[2]",
    })
    void toStringRoundTrips(String agentArgs) {
        AgentOptions o = args(agentArgs);
        String once = o.toString();
        AgentOptions again = args(once);
        assertEquals(once, again.toString());
        for (String key : AgentOptions.KEYS) {
            if ((!key.equals(AgentOptions.DUMP) || o.dump() != null)
                    && (!key.equals(AgentOptions.CLUSTER) || o.cluster() != null)) {
                assertTrue(once.contains(key + "="), key + " missing from " + once);
            }
        }
    }
}
