package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import dev.hotloop.agent.vector.Expr.Binary;
import dev.hotloop.agent.vector.Expr.Cmp;
import dev.hotloop.agent.vector.Expr.Cmp3;
import dev.hotloop.agent.vector.Expr.Cond;
import dev.hotloop.agent.vector.Expr.Const;
import dev.hotloop.agent.vector.Expr.Convert;
import dev.hotloop.agent.vector.Expr.Field;
import dev.hotloop.agent.vector.Expr.Fma;
import dev.hotloop.agent.vector.Expr.Length;
import dev.hotloop.agent.vector.Expr.Unary;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Executes one instruction symbolically: pops and pushes {@link Expr} trees instead of values.
 * Memory and calls are delegated to the {@link Memory} of the region being lifted, which forwards
 * stores to later loads and inlines callees. Anything with an effect the IR cannot express is
 * refused with the reason.
 */
final class Interpreter implements Opcodes {

    /** What the interpreter needs from the region it runs in. */
    interface Memory {
        /** @return the value a local holds now */
        Expr local(SymState s, int slot, Kind kind);

        /** @return the element, forwarded from an earlier store of this iteration when there is one */
        Expr load(SymState s, Expr array, Expr index, Kind element) throws Refusal;

        void store(SymState s, Expr array, Expr index, Kind element, Expr value) throws Refusal;

        void increment(SymState s, int slot, int by) throws Refusal;

        /** @return the call's result, or null for a void method */
        Expr call(SymState s, MethodInsnNode call, Expr[] args) throws Refusal;

        /**
         * Notes an operation that can throw (a null reference, an index, a zero divisor), whether or
         * not its value is used: the guards must cover it, so the vector path never skips an
         * exception the original would throw.
         */
        void trap(Expr e);
    }

    private final Memory memory;
    private final TreeSize sizes = new TreeSize();

    Interpreter(Memory memory) {
        this.memory = memory;
    }

    /**
     * Executes an instruction that does not end its block (jumps and returns are the region's).
     *
     * @throws Refusal also when a value of the state grows past {@link TreeSize#LIMIT}
     */
    void execute(SymState s, AbstractInsnNode insn) throws Refusal {
        step(s, insn);
        sizes.check(s);
    }

    /** Refuses when a value of a state made by merging paths has grown past {@link TreeSize#LIMIT}. */
    void checkMerged(SymState s) throws Refusal {
        sizes.check(s);
    }

    private void step(SymState s, AbstractInsnNode insn) throws Refusal {
        int op = insn.getOpcode();
        if (op < 0 || op == NOP) {
            return;
        }
        if (op >= ACONST_NULL && op <= LDC) {
            s.push(constant(insn));
        } else if (op >= ILOAD && op <= ALOAD) {
            VarInsnNode v = (VarInsnNode) insn;
            s.push(memory.local(s, v.var, op == ALOAD ? Kind.REF : KINDS[op - ILOAD]));
        } else if (op >= IALOAD && op <= SALOAD) {
            Expr index = s.pop();
            Expr array = s.pop();
            Kind element = element(op - IALOAD);
            Expr value = memory.load(s, array, index, element);
            s.push(element == Kind.BYTE || element == Kind.SHORT ? new Convert(element, Kind.INT, value)
                    : element == Kind.CHAR ? zeroExtend(value) : value);
        } else if (op >= ISTORE && op <= ASTORE) {
            s.locals.put(((VarInsnNode) insn).var, s.pop());
        } else if (op >= IASTORE && op <= SASTORE) {
            Expr value = s.pop();
            Expr index = s.pop();
            Expr array = s.pop();
            Kind element = element(op - IASTORE);
            // A char is stored as the short of the same 16 bits (castore keeps the low 16 bits, as i2s does).
            memory.store(s, array, index, element, element.bytes() < 4 ? Simplify.narrow(value, element == Kind.CHAR ? Kind.SHORT : element) : value);
        } else if (op >= POP && op <= SWAP) {
            stack(s, op);
        } else if (op >= IADD && op <= LXOR) {
            arithmetic(s, op);
        } else if (op == IINC) {
            IincInsnNode inc = (IincInsnNode) insn;
            memory.increment(s, inc.var, inc.incr);
        } else if (op >= I2L && op <= I2S) {
            s.push(convert(op, s.pop()));
        } else if (op >= LCMP && op <= DCMPG) {
            Expr r = s.pop();
            s.push(new Cmp3(op, s.pop(), r));
        } else if (op == GETSTATIC || op == GETFIELD) {
            FieldInsnNode f = (FieldInsnNode) insn;
            if (Kind.ofDescriptor(f.desc) == null) {
                throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "reads the " + (f.desc.equals("C") ? "char" : "boolean") + " field " + f.name + "; char and boolean values are not vectorized");
            }
            Field field = new Field(f.owner, f.name, f.desc, op == GETFIELD ? s.pop() : null);
            if (field.object() != null) {
                memory.trap(field);
            }
            s.push(field);
        } else if (op == PUTSTATIC || op == PUTFIELD) {
            FieldInsnNode f = (FieldInsnNode) insn;
            throw new Refusal(RefusalCode.FIELD_STORE, "stores to the field " + f.name + " inside the loop; accumulate in a local and store after the loop");
        } else if (op == ARRAYLENGTH) {
            Length length = new Length(s.pop());
            memory.trap(length);
            s.push(length);
        } else if (op == CHECKCAST && s.peek() instanceof Expr.ProbeArray) {
            return; // the probe array's dynamic constant, cast to what it is
        } else if (insn instanceof MethodInsnNode m) {
            Expr[] args = new Expr[Type.getArgumentTypes(m.desc).length];
            for (int i = args.length - 1; i >= 0; i--) {
                args[i] = s.pop();
            }
            if (op != INVOKESTATIC) {
                throw new Refusal(RefusalCode.UNSUPPORTED_CALL, "calls " + simpleName(m) + ", which may have side effects; only java.lang.Math and small static methods are inlined");
            }
            Expr result = memory.call(s, m, args);
            if (result != null) {
                s.push(result);
            }
        } else {
            throw new Refusal(RefusalCode.UNSUPPORTED_BYTECODE, unsupported(op));
        }
    }

    /**
     * @param s    the state before the jump
     * @param jump a conditional jump
     * @return the condition under which the jump is taken
     */
    static Expr condition(SymState s, JumpInsnNode jump) throws Refusal {
        int op = jump.getOpcode();
        if (op >= IFEQ && op <= IFLE) {
            Cond c = Cond.values()[op - IFEQ];
            Expr v = s.pop();
            return v instanceof Cmp3 c3 ? threeWay(c, c3) : Simplify.cmp(c, v, new Const(Kind.INT, 0));
        }
        if (op >= IF_ICMPEQ && op <= IF_ICMPLE) {
            Expr r = s.pop();
            return Simplify.cmp(Cond.values()[op - IF_ICMPEQ], s.pop(), r);
        }
        throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "compares object references inside the loop; only primitive comparisons become masks");
    }

    /** {@code fcmpl}/{@code fcmpg} and friends followed by a branch on the result, NaN included. */
    private static Expr threeWay(Cond c, Cmp3 cmp) {
        Expr l = cmp.left();
        Expr r = cmp.right();
        if (cmp.opcode() == LCMP || c == Cond.EQ || c == Cond.NE) {
            return Simplify.cmp(c, l, r);
        }
        boolean nanIsLess = cmp.opcode() == FCMPL || cmp.opcode() == DCMPL;
        boolean nanSatisfies = nanIsLess ? c == Cond.LT || c == Cond.LE : c == Cond.GT || c == Cond.GE;
        // The comparison is false on NaN; where the bytecode's test holds on NaN, test the negation.
        return nanSatisfies ? new Expr.Not(new Cmp(c.negate(), l, r)) : new Cmp(c, l, r);
    }

    private static final Kind[] KINDS = {Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE};

    private static Kind element(int offset) throws Refusal {
        switch (offset) {
            case 0: return Kind.INT;
            case 1: return Kind.LONG;
            case 2: return Kind.FLOAT;
            case 3: return Kind.DOUBLE;
            case 5: return Kind.BYTE;
            case 7: return Kind.SHORT;
            case 6: return Kind.CHAR;
            default: throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "reads or writes an array of objects or arrays; hoist it out of the loop (e.g. float[] row = m[r])");
        }
    }

    /**
     * A char element as the JVM widens it, 0 to 65535: the short lanes sign-extended to int, then
     * the upper 16 bits cleared.
     */
    private static Expr zeroExtend(Expr charLoad) {
        return new Binary(Op.AND, Kind.INT, new Convert(Kind.SHORT, Kind.INT, charLoad), new Const(Kind.INT, 0xFFFF));
    }

    private static Expr constant(AbstractInsnNode insn) throws Refusal {
        int op = insn.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) {
            return new Const(Kind.INT, op - ICONST_0);
        }
        switch (op) {
            case LCONST_0: case LCONST_1: return new Const(Kind.LONG, (long) (op - LCONST_0));
            case FCONST_0: case FCONST_1: case FCONST_2: return new Const(Kind.FLOAT, (float) (op - FCONST_0));
            case DCONST_0: case DCONST_1: return new Const(Kind.DOUBLE, (double) (op - DCONST_0));
            case BIPUSH: case SIPUSH: return new Const(Kind.INT, ((IntInsnNode) insn).operand);
            case LDC:
                Object c = ((LdcInsnNode) insn).cst;
                if (c instanceof Integer) {
                    return new Const(Kind.INT, (Integer) c);
                } else if (c instanceof Long) {
                    return new Const(Kind.LONG, (Long) c);
                } else if (c instanceof Float) {
                    return new Const(Kind.FLOAT, (Float) c);
                } else if (c instanceof Double) {
                    return new Const(Kind.DOUBLE, (Double) c);
                }
                if (c instanceof org.objectweb.asm.ConstantDynamic d && castToBooleanArray(insn)) {
                    return new Expr.ProbeArray(d, null);
                }
                if (c instanceof org.objectweb.asm.ConstantDynamic d) {
                    throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "loads the dynamic constant " + d.getName() + " inside the loop; of dynamic constants, only "
                            + "a boolean[] of coverage probes (JaCoCo's) is supported");
                }
                throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "uses a " + c.getClass().getSimpleName() + " constant inside the loop");
            default: throw new Refusal(RefusalCode.UNSUPPORTED_TYPE, "uses null inside the loop");
        }
    }

    /** @return whether the next instruction casts the constant {@code insn} loads to {@code boolean[]} */
    private static boolean castToBooleanArray(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next instanceof org.objectweb.asm.tree.TypeInsnNode t && t.getOpcode() == CHECKCAST && t.desc.equals("[Z");
    }

    private static void stack(SymState s, int op) throws Refusal {
        switch (op) {
            case POP: s.pop(); break;
            case POP2:
                if (!wide(s.pop())) {
                    s.pop();
                }
                break;
            case DUP: s.push(s.peek()); break;
            case DUP_X1: {
                Expr a = s.pop();
                Expr b = s.pop();
                s.push(a);
                s.push(b);
                s.push(a);
                break;
            }
            case DUP2: {
                Expr a = s.pop();
                if (wide(a)) {
                    s.push(a);
                    s.push(a);
                } else {
                    Expr b = s.pop();
                    s.push(b);
                    s.push(a);
                    s.push(b);
                    s.push(a);
                }
                break;
            }
            case SWAP: {
                Expr a = s.pop();
                Expr b = s.pop();
                s.push(a);
                s.push(b);
                break;
            }
            default: throw new Refusal(RefusalCode.LOOP_SHAPE, "uses a stack shuffle (dup_x2 or dup2_x1/x2) the vectorizer does not model");
        }
    }

    private static boolean wide(Expr e) {
        return e.kind() == Kind.LONG || e.kind() == Kind.DOUBLE;
    }

    private static final Op[] ARITH = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.REM, Op.NEG};

    private void arithmetic(SymState s, int op) throws Refusal {
        if (op >= ISHL) {
            int k = op - ISHL;
            Op bop = k < 6 ? new Op[] {Op.LSHL, Op.ASHR, Op.LSHR}[k / 2] : new Op[] {Op.AND, Op.OR, Op.XOR}[(k - 6) / 2];
            Kind kind = k % 2 == 0 ? Kind.INT : Kind.LONG;
            Expr r = s.pop();
            s.push(new Binary(bop, kind, s.pop(), r));
            return;
        }
        Kind kind = KINDS[(op - IADD) % 4];
        Op bop = ARITH[(op - IADD) / 4];
        if (bop == Op.NEG) {
            s.push(new Unary(Op.NEG, kind, s.pop()));
            return;
        }
        Expr r = s.pop();
        Binary b = new Binary(bop, kind, s.pop(), r);
        if ((bop == Op.DIV || bop == Op.REM) && kind.integral()) {
            memory.trap(b);
        }
        s.push(b);
    }

    static Expr convert(int op, Expr x) throws Refusal {
        switch (op) {
            case I2L: return new Convert(Kind.INT, Kind.LONG, x);
            case I2F: return new Convert(Kind.INT, Kind.FLOAT, x);
            case I2D: return new Convert(Kind.INT, Kind.DOUBLE, x);
            case L2I: return new Convert(Kind.LONG, Kind.INT, x);
            case L2F: return new Convert(Kind.LONG, Kind.FLOAT, x);
            case L2D: return new Convert(Kind.LONG, Kind.DOUBLE, x);
            case F2I: return new Convert(Kind.FLOAT, Kind.INT, x);
            case F2L: return new Convert(Kind.FLOAT, Kind.LONG, x);
            case F2D: return new Convert(Kind.FLOAT, Kind.DOUBLE, x);
            case D2I: return new Convert(Kind.DOUBLE, Kind.INT, x);
            case D2L: return new Convert(Kind.DOUBLE, Kind.LONG, x);
            case D2F: return new Convert(Kind.DOUBLE, Kind.FLOAT, x);
            case I2B: return new Convert(Kind.BYTE, Kind.INT, Simplify.narrow(x, Kind.BYTE));
            case I2S: return new Convert(Kind.SHORT, Kind.INT, Simplify.narrow(x, Kind.SHORT));
            default: return new Binary(Op.AND, Kind.INT, x, new Const(Kind.INT, 0xFFFF)); // i2c: the low 16 bits, zero-extended
        }
    }

    /**
     * @param call a call to {@code java.lang.Math} or {@code StrictMath}
     * @param args its arguments
     * @return the lane operation, or null when the method is not one the vectorizer knows
     */
    static Expr math(MethodInsnNode call, Expr[] args) {
        Kind kind = Kind.ofDescriptor(Type.getReturnType(call.desc).getDescriptor());
        if (kind == null || !kind.lane()) {
            return null;
        }
        if (call.name.equals("fma") && args.length == 3) {
            return new Fma(kind, args[0], args[1], args[2]);
        }
        Op op = Op.ofMath(call.name);
        if (op == null || op.binary() != (args.length == 2) || args.length == 0 || args.length > 2) {
            return null;
        }
        if (op == Op.COPY_SIGN && call.owner.equals("java/lang/StrictMath")) { // a NaN sign counts as positive
            Expr sign = args[1];
            Number one = kind == Kind.FLOAT ? (Number) 1.0f : (Number) 1.0;
            return new Binary(op, kind, args[0], new Expr.Select(new Cmp(Cond.NE, sign, sign), new Const(kind, one), sign));
        }
        return op.binary() ? new Binary(op, kind, args[0], args[1]) : new Unary(op, kind, args[0]);
    }

    /** @return whether {@link #bits} may know a static method of the class */
    static boolean bitsOwner(String owner) {
        return owner.equals("java/lang/Integer") || owner.equals("java/lang/Long") || owner.equals("java/lang/Short")
                || owner.equals("java/lang/Character");
    }

    /**
     * @param call a static call to {@code Integer}, {@code Long}, {@code Short} or {@code Character}
     * @param args its arguments, as the JVM holds them (a short or char in an int)
     * @return the lane operation on the operand's own type (a {@code Long.bitCount} counts in long
     *     lanes, then narrows), or null when the method is not one the vectorizer knows
     */
    static Expr bits(MethodInsnNode call, Expr[] args) {
        Op op = Op.ofBits(call.name);
        Type[] params = Type.getArgumentTypes(call.desc);
        if (op == null || params.length != 1) {
            return null;
        }
        String p = params[0].getDescriptor();
        switch (call.owner + "." + p) {
            case "java/lang/Integer.I":
                return new Unary(op, Kind.INT, args[0]);
            case "java/lang/Long.J":
                Expr x = new Unary(op, Kind.LONG, args[0]);
                return op.counts() ? new Convert(Kind.LONG, Kind.INT, x) : x;
            case "java/lang/Short.S":
            case "java/lang/Character.C":
                if (op != Op.REVERSE_BYTES) {
                    return null;
                }
                Expr swapped = new Convert(Kind.SHORT, Kind.INT, new Unary(op, Kind.SHORT, Simplify.narrow(args[0], Kind.SHORT)));
                // a char comes back zero-extended, as i2c leaves it
                return p.equals("S") ? swapped : new Binary(Op.AND, Kind.INT, swapped, new Const(Kind.INT, 0xFFFF));
            default:
                return null;
        }
    }

    static String simpleName(MethodInsnNode m) {
        return m.owner.substring(m.owner.lastIndexOf('/') + 1) + "." + m.name + "()";
    }

    private static String unsupported(int op) {
        switch (op) {
            case NEW: case NEWARRAY: case ANEWARRAY: case MULTIANEWARRAY:
                return "allocates objects inside the loop; allocate before the loop";
            case MONITORENTER: case MONITOREXIT:
                return "synchronizes inside the loop";
            case ATHROW:
                return "throws inside the loop";
            case CHECKCAST: case INSTANCEOF:
                return "tests or casts object types inside the loop";
            case INVOKEDYNAMIC:
                return "calls a lambda or string concatenation inside the loop";
            case TABLESWITCH: case LOOKUPSWITCH:
                return "uses a switch inside the loop; use if/else or ?:";
            default:
                return "uses bytecode opcode " + op + ", which the vectorizer does not support";
        }
    }

    static boolean isJump(AbstractInsnNode insn) {
        return insn instanceof JumpInsnNode || insn instanceof InsnNode && insn.getOpcode() >= IRETURN && insn.getOpcode() <= RETURN;
    }
}
