package dev.hotloop.agent.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Whether a captured reference may enter the chunk as a given type: every instruction of the loop
 * that consumes a load of the local must accept that type by the verifier's rules, judged without
 * the class hierarchy (which the agent never loads). A use accepts the type when it asks for
 * exactly that type or for any reference; an array read of references, a copy to another local
 * or a duplicate on the stack is never judged acceptable, since what it demands depends on later
 * uses.
 */
final class ReferenceUses {

    /** Any reference. */
    private static final Type ANY = Type.getObjectType("java/lang/Object");
    /** A use that cannot be judged: the type it needs depends on other instructions. */
    private static final Type UNJUDGED = Type.getObjectType("?unjudged");
    private static final Type ANY_ARRAY = Type.getObjectType("?array");
    private static final Type REFERENCE_ARRAY = Type.getObjectType("?reference-array");
    /** {@code baload} and {@code bastore} take {@code byte[]} and {@code boolean[]} alike. */
    private static final Type BYTES = Type.getObjectType("?bytes");
    private static final Type INT = Type.INT_TYPE;

    private ReferenceUses() {
    }

    /**
     * @param m       the method
     * @param sources which instructions produce each stack value
     * @param shape   the loop
     * @param v       a reference local the loop reads and never writes
     * @param type    the type it would enter the chunk as
     * @return whether every use of its value in the loop accepts {@code type}
     */
    static boolean accept(MethodNode m, Frame<SourceValue>[] sources, LoopShape shape, int v, Type type) {
        InsnList insns = m.instructions;
        for (AbstractInsnNode n = shape.header; n != shape.backEdge; n = n.getNext()) {
            Frame<SourceValue> f = sources[insns.indexOf(n)];
            if (f == null) {
                continue; // unreachable code
            }
            List<Type> demands = demands(n);
            int base = f.getStackSize() - demands.size();
            for (int j = 0; j < demands.size(); j++) {
                if (base + j >= 0 && loads(f.getStack(base + j), v) && !accepts(demands.get(j), type)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean loads(SourceValue value, int v) {
        for (AbstractInsnNode src : value.insns) {
            if (src instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD && load.var == v) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(Type demand, Type type) {
        if (demand == ANY_ARRAY) {
            return type.getSort() == Type.ARRAY;
        }
        if (demand == REFERENCE_ARRAY) {
            return type.getSort() == Type.ARRAY
                    && (type.getDimensions() > 1 || type.getElementType().getSort() == Type.OBJECT);
        }
        if (demand == BYTES) {
            return type.getDescriptor().equals("[B") || type.getDescriptor().equals("[Z");
        }
        return demand != UNJUDGED && (demand.equals(ANY) || demand.equals(type));
    }

    /** @return the types the instruction demands of the stack entries it consumes, deepest first */
    private static List<Type> demands(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (n instanceof MethodInsnNode call) {
            List<Type> args = Arrays.asList(Type.getArgumentTypes(call.desc));
            if (op == Opcodes.INVOKESTATIC) {
                return args;
            }
            // The verifier takes any reference where an interface is expected.
            Type receiver = op == Opcodes.INVOKEINTERFACE ? ANY : Type.getObjectType(call.owner);
            List<Type> operands = new ArrayList<>(args.size() + 1);
            operands.add(receiver);
            operands.addAll(args);
            return operands;
        }
        if (n instanceof InvokeDynamicInsnNode indy) {
            return Arrays.asList(Type.getArgumentTypes(indy.desc));
        }
        if (n instanceof FieldInsnNode field) {
            Type owner = Type.getObjectType(field.owner);
            Type value = Type.getType(field.desc);
            switch (op) {
                case Opcodes.GETFIELD:
                    return List.of(owner);
                case Opcodes.PUTFIELD:
                    return List.of(owner, value);
                case Opcodes.PUTSTATIC:
                    return List.of(value);
                default:
                    return List.of();
            }
        }
        switch (op) {
            case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
            case Opcodes.CALOAD: case Opcodes.SALOAD:
                return List.of(primitiveArray(op), INT);
            case Opcodes.BALOAD:
                return List.of(BYTES, INT);
            case Opcodes.IASTORE: case Opcodes.LASTORE: case Opcodes.FASTORE: case Opcodes.DASTORE:
            case Opcodes.CASTORE: case Opcodes.SASTORE:
                return List.of(primitiveArray(op), INT, UNJUDGED);
            case Opcodes.BASTORE:
                return List.of(BYTES, INT, INT);
            case Opcodes.AALOAD:
                return List.of(UNJUDGED, INT);
            case Opcodes.AASTORE: // the stored value is checked when the program runs
                return List.of(REFERENCE_ARRAY, INT, ANY);
            case Opcodes.ARRAYLENGTH:
                return List.of(ANY_ARRAY);
            case Opcodes.ATHROW:
                return List.of(Type.getObjectType("java/lang/Throwable"));
            case Opcodes.IF_ACMPEQ: case Opcodes.IF_ACMPNE:
                return List.of(ANY, ANY);
            case Opcodes.IFNULL: case Opcodes.IFNONNULL: case Opcodes.CHECKCAST: case Opcodes.INSTANCEOF:
            case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT: case Opcodes.POP:
                return List.of(ANY);
            case Opcodes.ASTORE: case Opcodes.ARETURN:
                return List.of(UNJUDGED);
            case Opcodes.DUP: case Opcodes.DUP_X1: case Opcodes.DUP_X2: case Opcodes.DUP2: case Opcodes.DUP2_X1:
            case Opcodes.DUP2_X2: case Opcodes.SWAP: case Opcodes.POP2:
                return List.of(UNJUDGED, UNJUDGED, UNJUDGED, UNJUDGED);
            default:
                return List.of(); // consumes no reference
        }
    }

    /** @return the array type that an {@code xaload} or {@code xastore} of a primitive other than byte takes */
    private static Type primitiveArray(int op) {
        switch (op) {
            case Opcodes.IALOAD: case Opcodes.IASTORE:
                return Type.getType(int[].class);
            case Opcodes.LALOAD: case Opcodes.LASTORE:
                return Type.getType(long[].class);
            case Opcodes.FALOAD: case Opcodes.FASTORE:
                return Type.getType(float[].class);
            case Opcodes.DALOAD: case Opcodes.DASTORE:
                return Type.getType(double[].class);
            case Opcodes.CALOAD: case Opcodes.CASTORE:
                return Type.getType(char[].class);
            default:
                return Type.getType(short[].class);
        }
    }
}
