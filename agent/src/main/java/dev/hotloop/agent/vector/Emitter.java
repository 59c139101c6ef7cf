package dev.hotloop.agent.vector;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Appends instructions to the code being generated and hands out fresh local slots above the
 * method's own, so generated code never touches a local the original uses.
 */
final class Emitter implements Opcodes {

    static final String VECTOR = "jdk/incubator/vector/Vector";
    static final String MASK = "jdk/incubator/vector/VectorMask";
    static final String SPECIES = "jdk/incubator/vector/VectorSpecies";
    static final String SHUFFLE = "jdk/incubator/vector/VectorShuffle";
    static final String OPERATORS = "jdk/incubator/vector/VectorOperators";

    final InsnList code = new InsnList();
    private final MethodNode method;

    Emitter(MethodNode method) {
        this.method = method;
    }

    /** @return the locals the code uses so far, the method's own below them included */
    int locals() {
        return method.maxLocals;
    }

    /** @return a fresh local of {@code size} slots */
    int local(int size) {
        int slot = method.maxLocals;
        method.maxLocals += size;
        return slot;
    }

    void add(AbstractInsnNode insn) {
        code.add(insn);
    }

    void op(int opcode) {
        code.add(new InsnNode(opcode));
    }

    void load(int opcode, int slot) {
        code.add(new VarInsnNode(opcode, slot));
    }

    void ldc(Object value) {
        code.add(new LdcInsnNode(value));
    }

    void jump(int opcode, LabelNode to) {
        code.add(new JumpInsnNode(opcode, to));
    }

    void label(LabelNode l) {
        code.add(l);
    }

    void iinc(int slot, int by) {
        if (by == (short) by) {
            code.add(new IincInsnNode(slot, by));
        } else { // wider than iinc's 16 bits (a large step times the lanes)
            load(ILOAD, slot);
            ldc(by);
            op(IADD);
            load(ISTORE, slot);
        }
    }

    void getstatic(String owner, String name, String desc) {
        code.add(new FieldInsnNode(GETSTATIC, owner, name, desc));
    }

    void invokestatic(String owner, String name, String desc) {
        code.add(new MethodInsnNode(INVOKESTATIC, owner, name, desc, false));
    }

    void invokevirtual(String owner, String name, String desc) {
        code.add(new MethodInsnNode(INVOKEVIRTUAL, owner, name, desc, false));
    }

    void invokeinterface(String owner, String name, String desc) {
        code.add(new MethodInsnNode(INVOKEINTERFACE, owner, name, desc, true));
    }

    void checkcast(String type) {
        code.add(new TypeInsnNode(CHECKCAST, type));
    }

    /** Pushes the species of {@code kind} for {@code lanes} lanes. */
    void species(Kind kind, int lanes) {
        getstatic(kind.vectorClass(), Lanes.species(kind, lanes), "L" + SPECIES + ";");
    }

    /** Pushes a {@code VectorOperators} constant. */
    void operator(String name, String type) {
        getstatic(OPERATORS, name, "L" + OPERATORS + "$" + type + ";");
    }

    /** @return the opcode that loads a local of the kind's stack type */
    static int loadOpcode(Kind kind) {
        switch (kind.stack()) {
            case INT: return ILOAD;
            case LONG: return LLOAD;
            case FLOAT: return FLOAD;
            case DOUBLE: return DLOAD;
            default: return ALOAD;
        }
    }

    /** @return local slots a value of the kind takes */
    static int size(Kind kind) {
        return kind == Kind.LONG || kind == Kind.DOUBLE ? 2 : 1;
    }

    static int storeOpcode(Kind kind) {
        return loadOpcode(kind) + (ISTORE - ILOAD);
    }
}
