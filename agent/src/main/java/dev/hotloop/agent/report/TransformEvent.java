package dev.hotloop.agent.report;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * An annotated method was transformed: what its loops became, or why not. Loaded only while the
 * Flight Recorder is initialized ({@link TransformEvents}).
 */
@Name("dev.hotloop.Transform")
@Label("Hotloop Transform")
@Category("Hotloop")
@Description("The Hotloop agent rewrote an annotated method's loops, or kept them as written and says why")
@StackTrace(false)
final class TransformEvent extends jdk.jfr.Event {

    @Label("Class")
    String className;

    @Label("Method")
    @Description("Name and parameter types")
    String method;

    @Label("Line")
    @Description("First annotated loop's source line; -1 when unknown")
    int line;

    @Label("Outcome")
    @Description("rewritten (every loop), partial (some loops) or refused (none)")
    String outcome;

    @Label("Refusal Code")
    @Description("The first refused loop's stable code (docs/reports.md); null when every loop was rewritten")
    String code;

    @Label("Loops")
    int loops;

    @Label("Rewrite")
    String rewrite;

    @Label("Diagnostic")
    String diagnostic;

    @Label("Transform Time")
    @Timespan(Timespan.NANOSECONDS)
    long transformTime;

    static void emit(MethodRecord r) {
        TransformEvent e = new TransformEvent();
        if (!e.shouldCommit()) {
            return;
        }
        String m = r.method();
        int paren = m.indexOf('(');
        int dot = m.lastIndexOf('.', paren < 0 ? m.length() : paren);
        e.className = dot < 0 ? "" : m.substring(0, dot);
        e.method = m.substring(dot + 1);
        e.line = r.line();
        e.outcome = outcome(r);
        RefusalCode c = r.firstRefusal();
        e.code = c == null ? null : c.code();
        e.loops = r.loops().size();
        e.rewrite = r.rewrite();
        e.diagnostic = r.diagnostic();
        e.transformTime = r.transformNanos();
        e.commit();
    }

    private static String outcome(MethodRecord r) {
        int rewritten = 0;
        for (LoopRecord l : r.loops()) {
            rewritten += l.rewritten() ? 1 : 0;
        }
        if (r.loops().isEmpty()) {
            return r.rewrite().equals("not rewritten") ? "refused" : "rewritten";
        }
        return rewritten == r.loops().size() ? "rewritten" : rewritten == 0 ? "refused" : "partial";
    }
}
