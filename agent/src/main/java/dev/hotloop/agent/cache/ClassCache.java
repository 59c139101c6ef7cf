package dev.hotloop.agent.cache;

import dev.hotloop.agent.report.Diagnostics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The persistent cache of rewritten classes: one file per entry, named by its key, in a directory
 * only the user can write ({@link CacheDirectory}). The directory is opened at the first lookup, so
 * a program without annotations never touches it.
 *
 * <p>Reads check the entry's owner and permissions, then its length, checksum and key
 * ({@link CacheEntry#decode}); a corrupt or truncated entry is a miss, and the transform that
 * follows writes it again. Writes go to a new temporary file in the same directory, then an atomic
 * rename over the entry, so a reader never sees half an entry and two JVMs writing the same entry
 * at once each install a whole one. An untrusted directory or entry turns the cache off for the
 * rest of the run with one warning; an I/O failure on write is said once, at debug level. The
 * directory stays under {@link Eviction#LIMIT}: least recently used entries go first.
 */
public final class ClassCache {

    private final Path configured;
    private final Diagnostics diagnostics;
    private volatile CacheDirectory dir;
    private volatile boolean off;
    private volatile boolean writeFailureSaid;
    private volatile boolean pruned;

    /**
     * @param dir         the cache directory (option {@code cache}); created at the first lookup
     * @param diagnostics where the one warning goes
     */
    public ClassCache(Path dir, Diagnostics diagnostics) {
        this.configured = dir;
        this.diagnostics = diagnostics;
    }

    /**
     * @param key an entry's key ({@link CacheKey#of})
     * @return the entry, or null on a miss (absent, corrupt, or the cache is off)
     */
    public CacheEntry get(String key) {
        CacheDirectory d = directory();
        if (d == null) {
            return null;
        }
        Path file = d.path().resolve(key);
        try {
            d.checkEntry(file);
            CacheEntry entry = CacheEntry.decode(key, Files.readAllBytes(file));
            if (entry != null) {
                Eviction.touch(file);
            }
            return entry;
        } catch (NoSuchFileException e) {
            return null;
        } catch (CacheDirectory.Untrusted e) {
            refuse(e.getMessage());
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param key   the entry's key
     * @param entry what to store; replaces any entry of that key
     */
    public void put(String key, CacheEntry entry) {
        CacheDirectory d = directory();
        if (d == null) {
            return;
        }
        Path tmp = null;
        try {
            tmp = d.newFile(key + ".");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(entry.encode(key));
            }
            try {
                Files.move(tmp, d.path().resolve(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                return; // no atomic rename here: better no entry than half of one (the finally deletes tmp)
            }
            tmp = null;
            if (!pruned) {
                pruned = true;
                Eviction.pruneInBackground(d.path());
            }
        } catch (IOException e) {
            if (!writeFailureSaid) {
                writeFailureSaid = true;
                diagnostics.debug("cannot write to the class cache " + d.path() + ": " + e + "; classes are rewritten as usual");
            }
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: entries are only read under their key
                }
            }
        }
    }

    /**
     * Opens the directory ahead of the first lookup (created if absent, its owner and permissions
     * checked), so that the lookup finds it open; an untrusted directory turns the cache off here.
     */
    public void open() {
        directory();
    }

    /** @return whether the cache has been turned off for this run */
    public boolean isOff() {
        return off;
    }

    private CacheDirectory directory() {
        if (off) {
            return null;
        }
        CacheDirectory d = dir;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (dir == null && !off) {
                try {
                    dir = CacheDirectory.open(configured);
                } catch (CacheDirectory.Untrusted e) {
                    refuse(e.getMessage());
                } catch (IOException | RuntimeException e) {
                    refuse("cannot use " + configured + ": " + e + "; set cache=DIR to a writable directory or cache=off");
                }
            }
            return off ? null : dir;
        }
    }

    private synchronized void refuse(String why) {
        if (!off) {
            off = true;
            diagnostics.warn("class cache off for this run: " + why);
        }
    }
}
