package dev.hotloop.agent.parallel;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.Loop;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * The parallel rewrite reads a range's bound once, to split it into chunks; plain Java reads it
 * again before every iteration. A bound that reads a {@code volatile} field is therefore refused:
 * another thread may change it, and Java re-reads it. A plain field may be read once, as the JIT
 * does: the loop cannot assign it ({@link BodyChecks} refuses field writes), and another thread
 * that does races without {@code volatile}.
 */
final class BoundFields {

    private BoundFields() {
    }

    static void check(AnnotatedMethod method, LoopShape shape, Loop loop) throws Refusal {
        for (AbstractInsnNode b : shape.bound) {
            if (!(b instanceof FieldInsnNode f)) {
                continue;
            }
            String field = f.owner.replace('/', '.') + "." + f.name;
            String name = loop.inductionName();
            if (method.fields().isVolatile(f)) {
                throw new Refusal(RefusalCode.NON_INVARIANT_BOUND, "the bound of the loop over " + name + " reads the volatile field " + field
                        + ", which plain Java reads again before every iteration (another thread may change it), and a"
                        + " parallel loop splits the range once: read it into a local before the loop if once is what you mean");
            }
        }
    }
}
