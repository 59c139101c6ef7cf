package dev.hotloop.agent.cache;

import dev.hotloop.agent.options.LogLevel;
import dev.hotloop.agent.report.Diagnostics;
import java.nio.file.Path;

/** A second process for {@link ClassCacheTest}: writes and reads one key many times. Args: dir, salt, rounds. */
public final class CacheWriterMain {

    private CacheWriterMain() {
    }

    public static void main(String[] args) {
        Diagnostics loud = new Diagnostics() {
            @Override
            public void log(LogLevel level, String message) {
                System.out.println(level + " " + message);
            }

            @Override
            public boolean enabled(LogLevel level) {
                return true;
            }
        };
        ClassCache cache = new ClassCache(Path.of(args[0]), loud);
        int salt = Integer.parseInt(args[1]);
        CacheEntry mine = CacheEntryTest.entry(salt);
        int bad = 0;
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            cache.put(CacheEntryTest.KEY, mine);
            CacheEntry read = cache.get(CacheEntryTest.KEY);
            if (read == null || !(read.equals(CacheEntryTest.entry(10)) || read.equals(CacheEntryTest.entry(20)))) {
                bad++;
            }
        }
        System.out.println("bad " + bad);
    }
}
