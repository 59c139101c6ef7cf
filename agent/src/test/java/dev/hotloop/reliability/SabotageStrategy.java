package dev.hotloop.reliability;

import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.HotloopAnnotation;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.MethodAnalysis;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.LoopStrategy;
import dev.hotloop.agent.report.RefusalCode;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;

/**
 * A deliberately wrong "vectorizer" that proves the harness can fail: it claims every loop and
 * turns the first addition after the loop's header into a subtraction. The fuzzer must report
 * mismatches, rewritten must-refuse shapes, and shrink them.
 */
final class SabotageStrategy implements LoopStrategy {

    @Override
    public LoopDecision decide(AnnotatedMethod method, MethodAnalysis analysis, HotloopAnnotation annotation, Loop loop,
                               boolean mayAddMembers) {
        AbstractInsnNode add = method.method().instructions.get(loop.headerInsn());
        while (add != null && !(add.getOpcode() >= Opcodes.IADD && add.getOpcode() <= Opcodes.DADD)) {
            add = add.getNext();
        }
        if (add == null) {
            return LoopDecision.refused(annotation, loop, loop.line(), RefusalCode.LOOP_SHAPE, "sabotage: no addition to break");
        }
        AbstractInsnNode target = add;
        return LoopDecision.rewritten(annotation, loop, loop.line(), "sabotaged",
                (cls, m, forms) -> m.instructions.set(target, new InsnNode(target.getOpcode() + (Opcodes.ISUB - Opcodes.IADD))));
    }
}
