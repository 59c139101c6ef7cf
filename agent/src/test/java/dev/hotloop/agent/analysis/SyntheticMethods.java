package dev.hotloop.agent.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Methods built instruction by instruction, in shapes javac never emits, so that the analysis
 * is tested on control flow rather than on one compiler's layout. All are
 * {@code static int m(int n)} with local 1 as the counter, and carry no debug information.
 */
final class SyntheticMethods {

    static final String OWNER = "gen/Synthetic";

    private SyntheticMethods() {
    }

    static MethodNode method(String name) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, name, "(I)I", null, null);
        m.maxLocals = 2;
        m.maxStack = 2;
        return m;
    }

    /** {@code i = 0; do { i += step; } while (i < n); return i;}: the test is at the bottom. */
    static MethodNode bottomTested(int step) {
        MethodNode m = method("bottomTested");
        LabelNode top = new LabelNode();
        InsnList l = m.instructions;
        l.add(new InsnNode(Opcodes.ICONST_0));
        l.add(new VarInsnNode(Opcodes.ISTORE, 1));
        l.add(top);
        l.add(new IincInsnNode(1, step));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new VarInsnNode(Opcodes.ILOAD, 0));
        l.add(new JumpInsnNode(Opcodes.IF_ICMPLT, top));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new InsnNode(Opcodes.IRETURN));
        return m;
    }

    /** Entered in the middle: {@code goto test; body: i++; test: if (i < n) goto body;}, as older compilers lay out loops. */
    static MethodNode enteredAtTheTest() {
        MethodNode m = method("enteredAtTheTest");
        LabelNode body = new LabelNode();
        LabelNode test = new LabelNode();
        InsnList l = m.instructions;
        l.add(new InsnNode(Opcodes.ICONST_0));
        l.add(new VarInsnNode(Opcodes.ISTORE, 1));
        l.add(new JumpInsnNode(Opcodes.GOTO, test));
        l.add(body);
        l.add(new IincInsnNode(1, 1));
        l.add(test);
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new VarInsnNode(Opcodes.ILOAD, 0));
        l.add(new JumpInsnNode(Opcodes.IF_ICMPLT, body));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new InsnNode(Opcodes.IRETURN));
        return m;
    }

    /** Two blocks that jump to each other, each also entered from the entry: a cycle that is no natural loop. */
    static MethodNode irreducible() {
        MethodNode m = method("irreducible");
        LabelNode a = new LabelNode();
        LabelNode b = new LabelNode();
        LabelNode exit = new LabelNode();
        InsnList l = m.instructions;
        l.add(new InsnNode(Opcodes.ICONST_0));
        l.add(new VarInsnNode(Opcodes.ISTORE, 1));
        l.add(new VarInsnNode(Opcodes.ILOAD, 0));
        l.add(new JumpInsnNode(Opcodes.IFEQ, b));
        l.add(a);
        l.add(new IincInsnNode(1, 1));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new IntInsnNode(Opcodes.BIPUSH, 10));
        l.add(new JumpInsnNode(Opcodes.IF_ICMPGE, exit));
        l.add(new JumpInsnNode(Opcodes.GOTO, b));
        l.add(b);
        l.add(new IincInsnNode(1, 2));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new IntInsnNode(Opcodes.BIPUSH, 20));
        l.add(new JumpInsnNode(Opcodes.IF_ICMPGE, exit));
        l.add(new JumpInsnNode(Opcodes.GOTO, a));
        l.add(exit);
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new InsnNode(Opcodes.IRETURN));
        return m;
    }

    /** A counted loop followed by instructions no path reaches. */
    static MethodNode withDeadCode() {
        MethodNode m = bottomTested(1);
        m.name = "withDeadCode";
        InsnList dead = new InsnList();
        LabelNode deadLoop = new LabelNode();
        dead.add(deadLoop);
        dead.add(new IincInsnNode(1, 1));
        dead.add(new JumpInsnNode(Opcodes.GOTO, deadLoop));
        m.instructions.add(dead);
        return m;
    }

    /** A bottom-tested loop whose counter moves twice per iteration: no single constant step. */
    static MethodNode twoSteps() {
        MethodNode m = bottomTested(1);
        m.name = "twoSteps";
        m.instructions.insert(m.instructions.get(2), new IincInsnNode(1, 1));
        return m;
    }

    /** A bottom-tested loop whose counter is also stored to: not an induction variable. */
    static MethodNode storedCounter() {
        MethodNode m = method("storedCounter");
        LabelNode top = new LabelNode();
        InsnList l = m.instructions;
        l.add(new InsnNode(Opcodes.ICONST_0));
        l.add(new VarInsnNode(Opcodes.ISTORE, 1));
        l.add(top);
        l.add(new IincInsnNode(1, 1));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new InsnNode(Opcodes.ICONST_2));
        l.add(new InsnNode(Opcodes.IMUL));
        l.add(new VarInsnNode(Opcodes.ISTORE, 1));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new VarInsnNode(Opcodes.ILOAD, 0));
        l.add(new JumpInsnNode(Opcodes.IF_ICMPLT, top));
        l.add(new VarInsnNode(Opcodes.ILOAD, 1));
        l.add(new InsnNode(Opcodes.IRETURN));
        return m;
    }

    /** Execution falls off the end of the code: control flow that no verifier accepts. */
    static MethodNode malformed() {
        MethodNode m = method("malformed");
        m.instructions.add(new InsnNode(Opcodes.ICONST_0));
        m.instructions.add(new InsnNode(Opcodes.POP)); // and then execution falls off the end of the code
        return m;
    }
}
