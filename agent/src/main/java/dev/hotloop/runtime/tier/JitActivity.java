package dev.hotloop.runtime.tier;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether the JIT has compiled anything lately, from the JVM's total compilation time: the sign
 * that the methods being measured are compiled as far as they will be. Without a JIT, or without
 * that counter ({@code java.management} absent), it never says idle, and the budget decides.
 */
final class JitActivity {

    /** The counter must stand still this long (it counts milliseconds). */
    private static final long QUIET_NANOS = 200_000_000L;

    private final CompilationMXBean jit;
    private long lastTotal = -1;
    private long since;

    JitActivity() {
        CompilationMXBean bean;
        try {
            bean = ManagementFactory.getCompilationMXBean();
            if (bean != null && !bean.isCompilationTimeMonitoringSupported()) {
                bean = null;
            }
        } catch (LinkageError | RuntimeException e) {
            bean = null;
        }
        this.jit = bean;
    }

    /** @return whether the compilation time has not moved for a while; call it repeatedly */
    boolean idle() {
        if (jit == null) {
            return false;
        }
        long total = jit.getTotalCompilationTime();
        long now = System.nanoTime();
        if (total != lastTotal) {
            lastTotal = total;
            since = now;
            return false;
        }
        return now - since >= QUIET_NANOS;
    }
}
