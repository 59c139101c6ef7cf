package dev.hotloop.agent.parallel;

import dev.hotloop.agent.parallel.LoopLocals.Captured;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The code put in front of the loop's header. It computes the range and asks the runtime how many
 * chunks it splits into; with one chunk (or a list without fast indexed access) it falls into
 * the original loop, unchanged. Otherwise it allocates one array per reduction, builds the chunk
 * lambda over the captured values, runs it, combines each reduction's chunk values into its
 * local in chunk order, leaves the index at the loop's end value, and jumps past the loop.
 */
final class LoopDispatch {

    static final String RUNTIME = "dev/hotloop/runtime/parallel/ParallelLoop";
    static final String CHUNK_BODY = "dev/hotloop/runtime/parallel/ChunkBody";
    static final String CLUSTER = "dev/hotloop/runtime/parallel/Cluster";
    private static final String CHUNK_DESC = "(III)V";
    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
            "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
            + "Ljava/lang/invoke/CallSite;", false);

    private LoopDispatch() {
    }

    /**
     * @param owner       the class's internal name
     * @param isInterface whether the class is an interface
     * @param method      the method, changed in place
     * @param shape       the loop
     * @param locals      its captured locals and reductions
     * @param chunk       the chunk method
     * @param grain       iterations per chunk at least
     * @param threads     the annotation's {@code threads}
     * @param site        {@code Class.method} for progress lines
     */
    static void insert(String owner, boolean isInterface, MethodNode method, LoopShape shape, LoopLocals locals,
                       MethodNode chunk, int grain, int threads, String site) {
        insert(owner, isInterface, method, shape, locals, chunk, grain, threads, site, null);
    }

    /**
     * As above; with {@code shipping} (the roles of {@link ClusterShipping}) the loop is handed to
     * {@code Cluster.run}, with its chunk method's arguments boxed in an array, instead of
     * {@code ParallelLoop.run}; the runtime then chooses the cluster or the local pool.
     */
    static void insert(String owner, boolean isInterface, MethodNode method, LoopShape shape, LoopLocals locals,
                       MethodNode chunk, int grain, int threads, String site, String shipping) {
        int to = method.maxLocals;
        int chunks = to + 1;
        int k = to + 2;
        int list = to + 3;
        int parts = to + 4;
        List<Reduction> reductions = locals.reductions();
        method.maxLocals = parts + reductions.size();
        int pushed = 0;
        for (Captured c : locals.captured()) {
            pushed += c.type().getSize();
        }
        method.maxStack = Math.max(method.maxStack, pushed + reductions.size() + 8 + (shipping == null ? 0 : 6));

        InsnList code = new InsnList();
        if (shape.form == LoopForm.LIST_EACH) {
            InsnList keep = new InsnList();
            keep.add(new InsnNode(Opcodes.DUP));
            keep.add(new VarInsnNode(Opcodes.ASTORE, list));
            method.instructions.insertBefore(shape.iteratorCall, keep);
            code.add(new VarInsnNode(Opcodes.ALOAD, list));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RUNTIME, "randomAccessSize", "(Ljava/lang/Object;)I", false));
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new VarInsnNode(Opcodes.ISTORE, to));
            code.add(new JumpInsnNode(Opcodes.IFLT, shape.header));
            code.add(new InsnNode(Opcodes.ICONST_0));
        } else {
            for (var b : shape.bound) {
                code.add(b.clone(null));
            }
            code.add(new VarInsnNode(Opcodes.ISTORE, to));
            code.add(new VarInsnNode(Opcodes.ILOAD, shape.inductionVar));
        }
        code.add(new VarInsnNode(Opcodes.ILOAD, to));
        code.add(new LdcInsnNode(grain));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RUNTIME, "chunks", "(III)I", false));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ISTORE, chunks));
        code.add(new InsnNode(Opcodes.ICONST_1));
        code.add(new JumpInsnNode(Opcodes.IF_ICMPLE, shape.header));

        for (int q = 0; q < reductions.size(); q++) {
            code.add(new VarInsnNode(Opcodes.ILOAD, chunks));
            code.add(new IntInsnNode(Opcodes.NEWARRAY, arrayKind(reductions.get(q).type())));
            code.add(new VarInsnNode(Opcodes.ASTORE, parts + q));
        }
        for (Captured c : locals.captured()) {
            code.add(new VarInsnNode(c.type().getOpcode(Opcodes.ILOAD), c.slot()));
        }
        if (shape.form == LoopForm.LIST_EACH) {
            code.add(new VarInsnNode(Opcodes.ALOAD, list));
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, "java/util/List"));
        }
        for (int q = 0; q < reductions.size(); q++) {
            code.add(new VarInsnNode(Opcodes.ALOAD, parts + q));
        }
        String captures = chunk.desc.substring(0, chunk.desc.lastIndexOf("III)")) + ")L" + CHUNK_BODY + ";";
        code.add(new InvokeDynamicInsnNode("run", captures, METAFACTORY, Type.getMethodType(CHUNK_DESC),
                new Handle(Opcodes.H_INVOKESTATIC, owner, chunk.name, chunk.desc, isInterface),
                Type.getMethodType(CHUNK_DESC)));
        if (shipping != null) {
            arguments(code, shape, locals, list, parts);
        }
        if (shape.form == LoopForm.LIST_EACH) {
            code.add(new InsnNode(Opcodes.ICONST_0));
        } else {
            code.add(new VarInsnNode(Opcodes.ILOAD, shape.inductionVar));
        }
        code.add(new VarInsnNode(Opcodes.ILOAD, to));
        code.add(new VarInsnNode(Opcodes.ILOAD, chunks));
        code.add(new LdcInsnNode(threads));
        code.add(new LdcInsnNode(site));
        if (shipping == null) {
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RUNTIME, "run",
                    "(L" + CHUNK_BODY + ";IIIILjava/lang/String;)V", false));
        } else {
            code.add(new LdcInsnNode(Type.getObjectType(owner)));
            code.add(new LdcInsnNode(chunk.name + "#" + chunk.desc + "#" + shipping));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, CLUSTER, "run",
                    "(L" + CHUNK_BODY + ";[Ljava/lang/Object;IIIILjava/lang/String;Ljava/lang/Class;Ljava/lang/String;)V",
                    false));
        }
        for (int q = 0; q < reductions.size(); q++) {
            combine(code, reductions.get(q), parts + q, chunks, k);
        }
        if (shape.inductionVar >= 0) {
            code.add(new VarInsnNode(Opcodes.ILOAD, to));
            code.add(new VarInsnNode(Opcodes.ISTORE, shape.inductionVar));
        }
        code.add(new JumpInsnNode(Opcodes.GOTO, shape.exit()));
        method.instructions.insertBefore(shape.header, code);
    }

    /** The chunk method's arguments before {@code chunk, from, to}, boxed into a new {@code Object[]}. */
    private static void arguments(InsnList code, LoopShape shape, LoopLocals locals, int list, int parts) {
        List<Reduction> reductions = locals.reductions();
        int n = locals.captured().size() + (shape.form == LoopForm.LIST_EACH ? 1 : 0) + reductions.size();
        code.add(new LdcInsnNode(n));
        code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        int e = 0;
        for (Captured c : locals.captured()) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new LdcInsnNode(e++));
            code.add(new VarInsnNode(c.type().getOpcode(Opcodes.ILOAD), c.slot()));
            box(code, c.type());
            code.add(new InsnNode(Opcodes.AASTORE));
        }
        if (shape.form == LoopForm.LIST_EACH) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new LdcInsnNode(e++));
            code.add(new VarInsnNode(Opcodes.ALOAD, list));
            code.add(new InsnNode(Opcodes.AASTORE));
        }
        for (int q = 0; q < reductions.size(); q++) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new LdcInsnNode(e++));
            code.add(new VarInsnNode(Opcodes.ALOAD, parts + q));
            code.add(new InsnNode(Opcodes.AASTORE));
        }
    }

    private static void box(InsnList code, Type t) {
        String wrapper;
        switch (t.getSort()) {
            case Type.BOOLEAN: wrapper = "java/lang/Boolean"; break;
            case Type.BYTE: wrapper = "java/lang/Byte"; break;
            case Type.CHAR: wrapper = "java/lang/Character"; break;
            case Type.SHORT: wrapper = "java/lang/Short"; break;
            case Type.INT: wrapper = "java/lang/Integer"; break;
            case Type.LONG: wrapper = "java/lang/Long"; break;
            case Type.FLOAT: wrapper = "java/lang/Float"; break;
            case Type.DOUBLE: wrapper = "java/lang/Double"; break;
            default: return;
        }
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, wrapper, "valueOf",
                "(" + t.getDescriptor() + ")L" + wrapper + ";", false));
    }

    /** {@code for (k = 0; k < chunks; k++) s = s OP parts[k];} */
    private static void combine(InsnList code, Reduction r, int parts, int chunks, int k) {
        LabelNode test = new LabelNode();
        LabelNode done = new LabelNode();
        code.add(new InsnNode(Opcodes.ICONST_0));
        code.add(new VarInsnNode(Opcodes.ISTORE, k));
        code.add(test);
        code.add(new VarInsnNode(Opcodes.ILOAD, k));
        code.add(new VarInsnNode(Opcodes.ILOAD, chunks));
        code.add(new JumpInsnNode(Opcodes.IF_ICMPGE, done));
        code.add(new VarInsnNode(r.type().getOpcode(Opcodes.ILOAD), r.slot()));
        code.add(new VarInsnNode(Opcodes.ALOAD, parts));
        code.add(new VarInsnNode(Opcodes.ILOAD, k));
        code.add(new InsnNode(r.type().getOpcode(Opcodes.IALOAD)));
        code.add(r.op().combine(r.type()));
        code.add(new VarInsnNode(r.type().getOpcode(Opcodes.ISTORE), r.slot()));
        code.add(new IincInsnNode(k, 1));
        code.add(new JumpInsnNode(Opcodes.GOTO, test));
        code.add(done);
    }

    private static int arrayKind(Type t) {
        switch (t.getSort()) {
            case Type.INT:
                return Opcodes.T_INT;
            case Type.LONG:
                return Opcodes.T_LONG;
            case Type.FLOAT:
                return Opcodes.T_FLOAT;
            default:
                return Opcodes.T_DOUBLE;
        }
    }
}
