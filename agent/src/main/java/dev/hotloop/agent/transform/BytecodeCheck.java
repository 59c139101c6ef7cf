package dev.hotloop.agent.transform;

import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/**
 * A last check on every method the agent changed, before its bytes reach the JVM: ASM's
 * {@link BasicVerifier} over the new code (operand kinds, stack heights, locals), which needs no
 * class loading. A method that fails it makes the transform fail, and the class keeps its
 * original bytes: better a slow loop than a {@code VerifyError}.
 */
final class BytecodeCheck {

    private BytecodeCheck() {
    }

    static void verify(String owner, MethodNode m) {
        try {
            new Analyzer<BasicValue>(new BasicVerifier()).analyze(owner, m);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("rewritten " + m.name + m.desc + " fails verification: " + e.getMessage(), e);
        }
    }
}
