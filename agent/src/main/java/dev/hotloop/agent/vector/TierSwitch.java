package dev.hotloop.agent.vector;

import dev.hotloop.runtime.tier.Tiers;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The caller's side of a tiered loop: the switch read at loop entry, the sample that starts the
 * measurement, and the call of the outlined SIMD form ({@code dev.hotloop.runtime.tier.Tiers}
 * holds the states and the measurement).
 */
final class TierSwitch implements Opcodes {

    static final String TIERS = "dev/hotloop/runtime/tier/Tiers";
    // compile-time constants of the runtime, copied in by javac: no runtime class loads at transform
    static final String GATE = Tiers.SWITCH_FIELD;
    static final String WORK = Tiers.WORK_FIELD;
    static final String SIMD = Tiers.SIMD_METHOD;
    static final String SCALAR = Tiers.SCALAR_METHOD;
    /** The bootstrap that links a call of a SIMD form in a class of its own. */
    private static final Handle LINK = new Handle(H_INVOKESTATIC, "dev/hotloop/runtime/tier/Forms", "link",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;",
            false);

    private final Emitter out;
    private final String owner;
    private final int number;
    private final int state;

    /**
     * @param out    where the caller's code goes
     * @param owner  the class, which holds the switch field and the outlined methods
     * @param number the loop's number in its class
     */
    TierSwitch(Emitter out, String owner, int number) {
        this.out = out;
        this.owner = owner;
        this.number = number;
        this.state = out.local(1);
    }

    /** Reads the switch; the original loop runs at once while it says scalar. */
    void enter(LabelNode original) {
        out.add(new FieldInsnNode(GETSTATIC, owner, GATE + number, "I"));
        out.load(ISTORE, state);
        out.load(ILOAD, state);
        out.ldc(Tiers.SCALAR);
        out.jump(IF_ICMPEQ, original);
    }

    /**
     * While the switch asks for a sample, adds this entry's iterations to the loop's work and, once
     * the work reaches {@code Tiers.sampleAfter()}, samples the inputs of the next entry long enough
     * for the SIMD form and runs the state the sample returns; else calls the SIMD form and takes its results. Then falls through to the original
     * loop. A loop that never does that much work is never measured: a short run pays nothing.
     *
     * @param trips    pushes this entry's iteration count as a {@code long} (any sign)
     * @param minTrips the fewest iterations an entry must have to be sampled
     * @param outlined whether the SIMD form is in a class of its own, reached by {@code invokedynamic}
     *                 ({@code Forms.link}), rather than a method of the class
     */
    void dispatch(LoopSignature sig, String site, String summary, Runnable trips, int minTrips, boolean outlined,
                  LabelNode original) {
        LabelNode call = new LabelNode();
        out.load(ILOAD, state);
        out.jump(IFNE, call);
        int count = out.local(2);
        trips.run();
        out.invokestatic("java/lang/Math", "abs", "(J)J");
        out.load(LSTORE, count);
        out.add(new FieldInsnNode(GETSTATIC, owner, WORK + number, "J"));
        out.load(LLOAD, count);
        out.op(LADD);
        out.op(DUP2);
        out.add(new FieldInsnNode(PUTSTATIC, owner, WORK + number, "J"));
        out.invokestatic(TIERS, "sampleAfter", "()J");
        out.op(LCMP);
        out.jump(IFLT, original);
        // an entry too short for the SIMD form's unrolled loop is no sample worth measuring
        out.load(LLOAD, count);
        out.ldc((long) minTrips);
        out.op(LCMP);
        out.jump(IFLT, original);
        out.invokestatic("java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;");
        out.ldc(number);
        out.ldc(site);
        out.ldc(summary);
        out.ldc(sig.slots().length);
        out.add(new TypeInsnNode(ANEWARRAY, "java/lang/Object"));
        for (int i = 0; i < sig.slots().length; i++) {
            Type t = sig.types()[i];
            out.op(DUP);
            out.ldc(i);
            out.load(t.getOpcode(ILOAD), sig.slots()[i]);
            box(t);
            out.op(AASTORE);
        }
        out.invokestatic(TIERS, "offer",
                "(Ljava/lang/invoke/MethodHandles$Lookup;ILjava/lang/String;Ljava/lang/String;[Ljava/lang/Object;)I");
        out.op(DUP);
        out.add(new FieldInsnNode(PUTSTATIC, owner, GATE + number, "I"));
        out.ldc(Tiers.SIMD);
        out.jump(IF_ICMPNE, original);
        out.label(call);
        for (int i = 0; i < sig.slots().length; i++) {
            out.load(sig.types()[i].getOpcode(ILOAD), sig.slots()[i]);
        }
        if (outlined) {
            out.add(new InvokeDynamicInsnNode(SIMD + number, sig.descriptor(), LINK, number));
        } else {
            out.invokestatic(owner, SIMD + number, sig.descriptor());
        }
        OutlinedMethod.unpack(out, sig);
    }

    private void box(Type t) {
        switch (t.getSort()) {
            case Type.INT: out.invokestatic("java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;"); break;
            case Type.LONG: out.invokestatic("java/lang/Long", "valueOf", "(J)Ljava/lang/Long;"); break;
            case Type.FLOAT: out.invokestatic("java/lang/Float", "valueOf", "(F)Ljava/lang/Float;"); break;
            case Type.DOUBLE: out.invokestatic("java/lang/Double", "valueOf", "(D)Ljava/lang/Double;"); break;
            default: break;
        }
    }
}
