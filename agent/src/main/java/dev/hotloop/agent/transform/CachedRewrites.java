package dev.hotloop.agent.transform;

import dev.hotloop.agent.cache.CacheEntry;
import dev.hotloop.agent.cache.CacheKey;
import dev.hotloop.agent.cache.CacheWriter;
import dev.hotloop.agent.cache.ClassCache;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.report.Diagnostics;
import dev.hotloop.agent.report.MethodRecord;
import dev.hotloop.agent.report.MethodReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The transformer's side of the cache of rewritten classes ({@code cache} option): looks a class up
 * before any rewriting stage is touched, replays a hit, and stores what a miss produced. A hit
 * loads no ASM and no analysis, planning or instrumentation class: it patches this JVM's timing
 * ids into the stored class file ({@link TimingIds}), makes the runtime visible when the class was
 * changed, writes the {@code dump} copy, and hands the reporter the stored report of each method,
 * with the transform time it cost when the entry was made.
 */
public final class CachedRewrites {

    /**
     * A class served from the cache.
     *
     * @param bytes   the class file to define, or null to keep the original
     * @param reports one per annotated method
     */
    public record Replay(byte[] bytes, List<MethodReport> reports) {
    }

    private final ClassCache cache;
    private final AgentOptions options;
    private final boolean vectorApi;
    private final String version;
    private final RuntimeLink runtime;
    private final Diagnostics diagnostics;
    private final ClassDumper dumper;
    private final CacheWriter writer = new CacheWriter();
    private volatile CacheKey keys;

    /**
     * @param cache       the store
     * @param options     the agent's options (they are part of the key; {@code dump} is honoured)
     * @param vectorApi   whether {@code jdk.incubator.vector} is resolved
     * @param version     the agent's version
     * @param runtime     makes the runtime visible and gives timing ids
     * @param diagnostics where a failure to store is said, at debug level
     */
    public CachedRewrites(ClassCache cache, AgentOptions options, boolean vectorApi, String version, RuntimeLink runtime,
                          Diagnostics diagnostics) {
        this(cache, null, options, vectorApi, version, runtime, diagnostics);
    }

    CachedRewrites(ClassCache cache, CacheKey keys, AgentOptions options, boolean vectorApi, String version, RuntimeLink runtime,
                   Diagnostics diagnostics) {
        this.cache = cache;
        this.keys = keys;
        this.options = options;
        this.vectorApi = vectorApi;
        this.version = version;
        this.runtime = runtime;
        this.diagnostics = diagnostics;
        Path dump = options.dump();
        this.dumper = dump == null ? null : new ClassDumper(dump, diagnostics);
    }

    /**
     * @param bytes an original class file
     * @return its entry's key, or null when the cache is off
     */
    String key(byte[] bytes) {
        if (cache.isOff()) {
            return null;
        }
        return keys().of(bytes);
    }

    /** @return the key maker, made at the first call: this JVM's part of every key */
    private CacheKey keys() {
        CacheKey k = keys;
        if (k == null) {
            k = CacheKey.forThisJvm(options, vectorApi, version); // reads the vector hardware's fingerprint
            keys = k;
        }
        return k;
    }

    /**
     * @param key    the class's key
     * @param loader the defining loader
     * @return the class as the cache has it, ready to define, or null on a miss
     */
    Replay replay(String key, ClassLoader loader) {
        CacheEntry e = cache.get(key);
        if (e == null) {
            return null;
        }
        List<CacheEntry.Method> methods = e.methods();
        int n = methods.size();
        int[] ids = new int[n];
        int[] offsets = new int[n];
        int[] placeholders = new int[n];
        byte[] out = null;
        if (e.classFile() != null) {
            runtime.ensureVisible(); // before the class that calls the runtime is defined
            out = e.classFile().clone();
            for (int i = 0; i < n; i++) {
                CacheEntry.Method m = methods.get(i);
                offsets[i] = m.idOffset();
                placeholders[i] = m.placeholder();
                ids[i] = m.idOffset() < 0 ? -1 : runtime.timingId(TimingIds.key(loader, e.owner(), m.name(), m.desc()));
            }
            try {
                TimingIds.patch(out, offsets, placeholders, ids);
            } catch (IllegalArgumentException bad) {
                return null; // not the file it claims to be: rewrite afresh, and the store replaces it
            }
            if (dumper != null) {
                dumper.dump(e.owner(), out);
            }
        } else {
            Arrays.fill(ids, -1);
        }
        List<MethodReport> reports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CacheEntry.Method m = methods.get(i);
            reports.add(new MethodReport(new MethodRecord(ids[i], m.displayName(), m.line(), m.rewrite(), m.reportLine(),
                    m.transformNanos(), m.loops()), m.needsVectorApi()));
        }
        return new Replay(out, reports);
    }

    /**
     * Hands the entry to the cache's writer thread: the class is defined without waiting for it.
     *
     * @param key       the class's key
     * @param className internal name of the class
     * @param result    what a fresh transform made of it
     */
    void store(String key, String className, TransformResult result) {
        writer.put(new Store(key, className, result));
    }

    /**
     * Computes the key's context (the vector hardware's fingerprint) and opens the cache
     * directory: what the first annotated class would do first; on the prewarm thread.
     */
    void prepare() {
        if (!cache.isOff()) {
            keys();
            cache.open();
        }
    }

    /**
     * @param timeoutMillis the longest to wait
     * @return whether every entry stored so far is written
     */
    public boolean flush(long timeoutMillis) {
        return writer.drain(timeoutMillis);
    }

    /** One store, on the writer's thread: the entry is encoded there too. */
    private final class Store implements Runnable {
        private final String key;
        private final String className;
        private final TransformResult result;

        Store(String key, String className, TransformResult result) {
            this.key = key;
            this.className = className;
            this.result = result;
        }

        @Override
        public void run() {
            try {
                cache.put(key, result.toCacheEntry(className));
            } catch (RuntimeException e) {
                diagnostics.debug("not cached: " + className + ": " + e);
            }
        }
    }
}
