package dev.hotloop.runtime.tier;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Whether the JIT has compiled anything lately: the sign that the methods being measured are
 * compiled as far as they will be. Two signs must stand still for {@link #QUIET_NANOS}: the JVM's
 * total compilation time (which grows only as compilations end) and, where {@code /proc} tells it,
 * the compiler threads' CPU time ({@link CompilerThreads}, which grows while one runs: a C2
 * compilation of several seconds on a loaded machine left the first sign still, and the SIMD form
 * was timed in C1 at a tenth of its speed). Without a JIT, or without the counter
 * ({@code java.management} absent), it never says idle, and the budget decides.
 */
final class JitActivity {

    /** Both signs must stand still this long. */
    static final long QUIET_NANOS = 200_000_000L;
    /** {@code /proc} is read at most this often (a dozen small files). */
    static final long PROC_EVERY_NANOS = 20_000_000L;

    private final LongSupplier totalMillis;
    private final LongSupplier compilerNanos;
    private final LongSupplier clock;
    private long lastTotal = -1;
    private long lastCompiler = -1;
    private long lastRead;
    private boolean read;
    private long since;

    JitActivity() {
        this(counter(), CompilerThreads::cpuNanos, System::nanoTime);
    }

    /**
     * @param totalMillis   the JVM's total compilation time, or null without one
     * @param compilerNanos the compiler threads' CPU time, -1 where unknown
     * @param clock         nanoseconds
     */
    JitActivity(LongSupplier totalMillis, LongSupplier compilerNanos, LongSupplier clock) {
        this.totalMillis = totalMillis;
        this.compilerNanos = compilerNanos;
        this.clock = clock;
    }

    private static LongSupplier counter() {
        try {
            CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
            return bean != null && bean.isCompilationTimeMonitoringSupported() ? bean::getTotalCompilationTime : null;
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** @return whether neither sign has moved for a while; call it repeatedly */
    boolean idle() {
        if (totalMillis == null) {
            return false;
        }
        long now = clock.getAsLong();
        long total = totalMillis.getAsLong();
        long compiler = lastCompiler;
        if (!read || now - lastRead >= PROC_EVERY_NANOS) {
            compiler = compilerNanos.getAsLong();
            lastRead = now;
            read = true;
        }
        if (total != lastTotal || compiler != lastCompiler) {
            lastTotal = total;
            lastCompiler = compiler;
            since = now;
            return false;
        }
        return now - since >= QUIET_NANOS;
    }
}
