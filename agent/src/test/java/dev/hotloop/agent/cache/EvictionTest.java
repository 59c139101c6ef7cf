package dev.hotloop.agent.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvictionTest {

    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private Path entry(char c, int bytes, long ageMillis) throws IOException {
        Path f = dir.resolve(String.valueOf(c).repeat(64));
        Files.write(f, new byte[bytes]);
        Files.setLastModifiedTime(f, FileTime.fromMillis(NOW - ageMillis));
        return f;
    }

    @Test
    void underTheLimitNothingGoes() throws IOException {
        Path a = entry('a', 100, 10_000);
        Path b = entry('b', 100, 20_000);
        assertEquals(0, Eviction.prune(dir, 200, NOW));
        assertTrue(Files.exists(a) && Files.exists(b));
    }

    @Test
    void overTheLimitTheLeastRecentlyUsedGoUntilThreeQuartersRemain() throws IOException {
        Path newest = entry('a', 100, 1_000);
        Path middle = entry('b', 100, 2_000);
        Path older = entry('c', 100, 3_000);
        Path oldest = entry('d', 100, 4_000);
        // 400 bytes against a limit of 300: down to 225 or less, oldest first.
        assertEquals(2, Eviction.prune(dir, 300, NOW));
        assertTrue(Files.exists(newest) && Files.exists(middle));
        assertFalse(Files.exists(older) || Files.exists(oldest));
    }

    @Test
    void aHitMakesAnEntryRecent() throws IOException {
        long now = System.currentTimeMillis();
        Path used = entry('a', 100, NOW - now + 9_000_000);
        Path unused = entry('b', 100, NOW - now + 1_000);
        Eviction.touch(used);
        Eviction.prune(dir, 150, System.currentTimeMillis());
        assertTrue(Files.exists(used));
        assertFalse(Files.exists(unused));
    }

    @Test
    void staleTemporaryFilesGoAndOtherFilesStay() throws IOException {
        Path staleTmp = dir.resolve("e".repeat(64) + ".1a2b-7.tmp");
        Path freshTmp = dir.resolve("f".repeat(64) + ".1a2c-7.tmp");
        Path foreign = dir.resolve("notes.txt");
        for (Path p : new Path[] {staleTmp, freshTmp, foreign}) {
            Files.write(p, new byte[10]);
            Files.setLastModifiedTime(p, FileTime.fromMillis(NOW - 2 * Eviction.STALE_TEMPORARY_MILLIS));
        }
        Files.setLastModifiedTime(freshTmp, FileTime.fromMillis(NOW - 1_000));
        assertEquals(1, Eviction.prune(dir, Eviction.LIMIT, NOW));
        assertFalse(Files.exists(staleTmp));
        assertTrue(Files.exists(freshTmp) && Files.exists(foreign));
    }

    @Test
    void entryNamesAreKeys() {
        assertTrue(Eviction.isEntry("0123456789abcdef".repeat(4)));
        assertFalse(Eviction.isEntry("0123456789abcdef".repeat(4) + "x"));
        assertFalse(Eviction.isEntry("g".repeat(64)));
    }
}
