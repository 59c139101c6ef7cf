package dev.hotloop.agent.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the cache directory under a size limit. Entries of other agent builds, JDKs or options are
 * never read again, so the directory would only grow: a hit touches its entry's modification time,
 * and a pass after this JVM's first write deletes the least recently used entries until the
 * directory holds at most three quarters of the limit (so that passes are rare), plus temporary
 * files an interrupted write left over an hour ago. Only files named like entries or their
 * temporary files are counted and deleted; anything else in the directory is left alone.
 */
final class Eviction {

    /** The most bytes of entries the directory holds after a pass: 128 MiB, some thousands of classes. */
    static final long LIMIT = 128L << 20;
    static final long STALE_TEMPORARY_MILLIS = 3_600_000L;

    private Eviction() {
    }

    /**
     * Marks an entry as just used.
     *
     * @param entry the entry's file
     */
    static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // a read-only or vanished entry just ages as if unused
        }
    }

    /**
     * Runs {@link #prune} on a daemon thread, so the loading thread never waits on the scan.
     *
     * @param dir the cache directory
     */
    static void pruneInBackground(Path dir) {
        Runnable pass = new Runnable() { // not a lambda: this runs on the loading thread (see vector.Walk)
            @Override
            public void run() {
                prune(dir, LIMIT, System.currentTimeMillis());
            }
        };
        Thread t = new Thread(null, pass, "hotloop-cache-prune", 0, false);
        t.setDaemon(true);
        t.start();
    }

    /**
     * @param dir   the cache directory
     * @param limit the most bytes of entries to keep
     * @param now   the time, in milliseconds since the epoch
     * @return how many files were deleted
     */
    static int prune(Path dir, long limit, long now) {
        List<Path> entries = new ArrayList<>();
        List<FileTime> times = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long total = 0;
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                if (isEntry(name)) {
                    entries.add(f);
                    times.add(a.lastModifiedTime());
                    sizes.add(a.size());
                    total += a.size();
                } else if (isTemporary(name) && now - a.lastModifiedTime().toMillis() > STALE_TEMPORARY_MILLIS) {
                    deleted += delete(f);
                }
            }
        } catch (IOException e) {
            return deleted;
        }
        if (total <= limit) {
            return deleted;
        }
        Integer[] order = new Integer[entries.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing(times::get));
        for (int i = 0; i < order.length && total > limit / 4 * 3; i++) {
            int k = order[i];
            if (delete(entries.get(k)) == 1) {
                total -= sizes.get(k);
                deleted++;
            }
        }
        return deleted;
    }

    /** @return whether a file name is an entry's: a key, 64 hexadecimal digits */
    static boolean isEntry(String name) {
        if (name.length() != 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.digit(name.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTemporary(String name) {
        return name.endsWith(".tmp") && (name.startsWith(".owner-") || name.length() > 65 && isEntry(name.substring(0, 64)));
    }

    private static int delete(Path f) {
        try {
            return Files.deleteIfExists(f) ? 1 : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
