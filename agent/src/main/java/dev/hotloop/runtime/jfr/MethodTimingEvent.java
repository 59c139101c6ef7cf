package dev.hotloop.runtime.jfr;

import dev.hotloop.runtime.MethodStats;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** One annotated method's calls and times so far; emitted at the end of every chunk (so at the end of a recording). */
@Name("dev.hotloop.MethodTiming")
@Label("Hotloop Method Timing")
@Category("Hotloop")
@Description("Calls and times of a method the Hotloop agent rewrote or kept, as the exit report gives them")
@Period("endChunk")
@StackTrace(false)
final class MethodTimingEvent extends jdk.jfr.Event {

    @Label("Class")
    String className;

    @Label("Method")
    String method;

    @Label("Descriptor")
    String descriptor;

    @Label("Calls")
    long calls;

    @Label("First Call")
    @Description("The first call, JIT compilation included; -1 when never called")
    @Timespan(Timespan.NANOSECONDS)
    long firstCall;

    @Label("Steady Time per Call")
    @Description("Mean time of the calls after the first; -1 when called at most once")
    @Timespan(Timespan.NANOSECONDS)
    long steadyPerCall;

    @Label("Total Time")
    @Timespan(Timespan.NANOSECONDS)
    long total;

    static void emit(MethodStats stats) {
        MethodTimingEvent e = new MethodTimingEvent();
        if (!e.shouldCommit()) {
            return;
        }
        // key: loader/owner.name(desc), the owner an internal name (TimingIds.key)
        String key = stats.key();
        String method = key.substring(key.indexOf('/') + 1);
        int paren = method.indexOf('(');
        int dot = method.lastIndexOf('.', paren < 0 ? method.length() : paren);
        e.className = dot < 0 ? "" : method.substring(0, dot).replace('/', '.');
        e.method = paren < 0 ? method.substring(dot + 1) : method.substring(dot + 1, paren);
        e.descriptor = paren < 0 ? "" : method.substring(paren);
        MethodStats.Snapshot s = stats.snapshot();
        e.calls = s.calls();
        e.firstCall = s.firstCallNanos();
        e.steadyPerCall = Math.round(s.steadyNanosPerCall());
        e.total = Math.round(s.totalNanos());
        e.commit();
    }
}
