package dev.hotloop.agent.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Who may write the cache. An entry is class bytes the agent hands to the JVM unverified by any
 * rewrite, so a cache that another user can write is code injection: the directory must belong to
 * the user running the JVM and be writable by nobody else, and so must each entry. The directory is
 * created owner-only ({@code 0700}), its missing parents too. Where the file system has no POSIX
 * attributes (Windows), the user's profile directory is trusted as it is.
 */
final class CacheDirectory {

    /** A trust check failed; the message says what and how to fix it. */
    static final class Untrusted extends Exception {
        private static final long serialVersionUID = 1L;

        Untrusted(String message) {
            super(message);
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> ENTRY = PosixFilePermissions.fromString("rw-------");

    private final Path dir;
    private final boolean posix;
    private UserPrincipal owner;

    private CacheDirectory(Path dir, boolean posix) {
        this.dir = dir;
        this.posix = posix;
    }

    /**
     * Creates the directory if needed, then checks it.
     *
     * @param dir the cache directory
     * @return it, trusted
     * @throws Untrusted   when others can write it or it is not the user's
     * @throws IOException when it cannot be created or read
     */
    static CacheDirectory open(Path dir) throws Untrusted, IOException {
        Path abs = dir.toAbsolutePath();
        boolean posix = Files.getFileStore(existingAncestor(abs)).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.isDirectory(abs)) {
            try {
                if (posix) {
                    Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(abs);
                }
            } catch (FileAlreadyExistsException e) {
                throw new IOException(abs + " exists and is not a directory");
            }
        }
        CacheDirectory d = new CacheDirectory(abs, posix);
        if (posix) {
            d.owner = d.checkDirectory();
        }
        return d;
    }

    private static Path existingAncestor(Path p) {
        Path a = p;
        while (a != null && !Files.exists(a)) {
            a = a.getParent();
        }
        return a == null ? p.getRoot() : a;
    }

    /** The directory is the user's and only the user's: checked against a file the user just made. */
    private UserPrincipal checkDirectory() throws Untrusted, IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
        requireNotShared(a, dir);
        Path probe = newFile(".owner-");
        UserPrincipal me;
        try {
            me = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
        if (!a.owner().equals(me)) {
            throw new Untrusted(dir + " belongs to " + a.owner().getName() + ", not to " + me.getName()
                    + "; set cache=DIR to a directory of your own");
        }
        return me;
    }

    private static void requireNotShared(PosixFileAttributes a, Path p) throws Untrusted {
        Set<PosixFilePermission> perms = a.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new Untrusted(p + " can be written by other users (" + PosixFilePermissions.toString(perms)
                    + "); run chmod go-w on it or set cache=DIR to a directory of your own");
        }
    }

    /** @return the directory, absolute */
    Path path() {
        return dir;
    }

    /**
     * @param entry a file in the directory
     * @throws Untrusted when it is not a regular file of the user that only the user can write
     * @throws IOException when its attributes cannot be read (it may not exist)
     */
    void checkEntry(Path entry) throws Untrusted, IOException {
        if (!posix) {
            return;
        }
        PosixFileAttributes a = Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new Untrusted(entry + " is not a regular file; delete it");
        }
        requireNotShared(a, entry);
        if (!a.owner().equals(owner)) {
            throw new Untrusted(entry + " belongs to " + a.owner().getName() + ", not to " + owner.getName() + "; delete it");
        }
    }

    /**
     * Creates a new, empty file in the directory, exclusively (never an existing file or link),
     * readable and writable by the owner only. Named from the clock and the thread rather than by
     * {@code Files.createTempFile}, whose {@code SecureRandom} costs some 20 ms of seeding.
     *
     * @param prefix the start of its name
     * @return the file
     * @throws IOException when no file can be created
     */
    Path newFile(String prefix) throws IOException {
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(ENTRY)} : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            Path f = dir.resolve(prefix + Long.toHexString(System.nanoTime()) + "-" + Thread.currentThread().getId() + ".tmp");
            try {
                return Files.createFile(f, attrs);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }
}
