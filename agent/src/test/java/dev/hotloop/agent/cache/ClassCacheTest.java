package dev.hotloop.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.report.RecordingDiagnostics;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCacheTest {

    private static final String KEY = CacheEntryTest.KEY;

    @TempDir
    Path tmp;

    private final RecordingDiagnostics diagnostics = new RecordingDiagnostics();

    private ClassCache cache(Path dir) {
        return new ClassCache(dir, diagnostics);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void anEntryPutIsGotBackFromAnOwnerOnlyDirectoryThatIsCreatedOnFirstUse() throws IOException {
        Path dir = tmp.resolve("a/b/hotloop");
        ClassCache c = cache(dir);
        assertFalse(Files.exists(dir), "nothing happens before the first lookup");
        assertNull(c.get(KEY));
        c.put(KEY, CacheEntryTest.entry(1));
        assertEquals(CacheEntryTest.entry(1), cache(dir).get(KEY), "another JVM's cache reads it");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(KEY))));
        assertEquals(List.of(KEY), names(dir), "no temporary file left");
        assertTrue(diagnostics.entries().isEmpty(), diagnostics.entries().toString());
    }

    @Test
    void aCorruptEntryIsAMissAndIsRewritten() throws IOException {
        ClassCache c = cache(tmp);
        c.put(KEY, CacheEntryTest.entry(1));
        byte[] file = Files.readAllBytes(tmp.resolve(KEY));
        file[file.length / 2] ^= 0x10;
        Files.write(tmp.resolve(KEY), file);
        assertNull(c.get(KEY));
        c.put(KEY, CacheEntryTest.entry(1));
        assertEquals(CacheEntryTest.entry(1), c.get(KEY));
        assertFalse(c.isOff());
    }

    @Test
    void aTruncatedEntryIsAMissAndIsRewritten() throws IOException {
        ClassCache c = cache(tmp);
        c.put(KEY, CacheEntryTest.entry(1));
        byte[] file = Files.readAllBytes(tmp.resolve(KEY));
        Files.write(tmp.resolve(KEY), Arrays.copyOf(file, file.length - 5));
        assertNull(c.get(KEY));
        Files.write(tmp.resolve(KEY), new byte[0]);
        assertNull(c.get(KEY));
        c.put(KEY, CacheEntryTest.entry(1));
        assertEquals(CacheEntryTest.entry(1), c.get(KEY));
    }

    @Test
    void aDirectoryOthersCanWriteIsRefusedWithOneWarning() throws IOException {
        for (String perms : new String[] {"rwxrwx---", "rwx---rwx"}) {
            Path dir = Files.createDirectory(tmp.resolve(perms.replace('-', '_')));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(perms));
            RecordingDiagnostics d = new RecordingDiagnostics();
            ClassCache c = new ClassCache(dir, d);
            assertNull(c.get(KEY));
            c.put(KEY, CacheEntryTest.entry(1));
            assertNull(c.get(KEY));
            assertTrue(c.isOff());
            List<String> warnings = d.at(LogLevel.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("class cache off for this run: ") && warnings.get(0).contains("chmod go-w"),
                    warnings.get(0));
            assertEquals(List.of(), names(dir), "nothing written");
        }
    }

    @Test
    void anEntryOthersCanWriteIsRefusedAndTurnsTheCacheOff() throws IOException {
        ClassCache c = cache(tmp);
        c.put(KEY, CacheEntryTest.entry(1));
        Files.setPosixFilePermissions(tmp.resolve(KEY), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(c.get(KEY));
        assertTrue(c.isOff());
        assertNull(c.get(KEY));
        assertEquals(1, diagnostics.at(LogLevel.WARN).size(), diagnostics.entries().toString());
    }

    @Test
    void aLinkInPlaceOfAnEntryIsNotFollowed() throws IOException {
        Path elsewhere = tmp.resolve("elsewhere");
        Files.createDirectory(elsewhere);
        cache(elsewhere).put(KEY, CacheEntryTest.entry(1));
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(dir.resolve(KEY), elsewhere.resolve(KEY));
        assertNull(cache(dir).get(KEY));
    }

    @Test
    void twoThreadsWritingTheSameEntryNeverLeaveHalfAnEntry() throws Exception {
        ClassCache c = cache(tmp);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger bad = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int salt : new int[] {10, 20}) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 300; i++) {
                    c.put(KEY, CacheEntryTest.entry(salt));
                    CacheEntry read = c.get(KEY);
                    if (read == null || !(read.equals(CacheEntryTest.entry(10)) || read.equals(CacheEntryTest.entry(20)))) {
                        bad.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertEquals(0, bad.get());
        assertEquals(List.of(KEY), names(tmp), "no temporary file left");
        assertTrue(diagnostics.entries().isEmpty(), diagnostics.entries().toString());
    }

    @Test
    void twoProcessesWritingTheSameEntryNeverLeaveHalfAnEntry() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new ArrayList<>();
        for (String salt : new String[] {"10", "20"}) {
            ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CacheWriterMain.class.getName(),
                    tmp.toString(), salt, "500").redirectErrorStream(true).redirectOutput(tmp.resolve("out-" + salt + ".txt").toFile())
                    .start());
        }
        for (Process p : ps) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer still running");
            assertEquals(0, p.exitValue());
        }
        for (String salt : new String[] {"10", "20"}) {
            assertEquals(List.of("bad 0"), Files.readAllLines(tmp.resolve("out-" + salt + ".txt")));
        }
        assertTrue(cache(tmp).get(KEY) != null);
        assertEquals(List.of(KEY, "out-10.txt", "out-20.txt"), names(tmp), "no temporary file left");
        assertFalse(new File(tmp.toFile(), KEY + ".tmp").exists());
    }
}
