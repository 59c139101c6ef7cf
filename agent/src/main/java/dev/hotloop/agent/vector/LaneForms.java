package dev.hotloop.agent.vector;

import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * The lane forms of the {@link Op#composed} operations, built from the {@code VectorOperators}
 * that JDK 17 already has, each bit-identical to the JDK method on every input (JDK 19 added
 * BIT_COUNT, LEADING_ZEROS_COUNT, TRAILING_ZEROS_COUNT, REVERSE and REVERSE_BYTES; the agent runs
 * on 17, so it composes them the way {@code Integer.bitCount} is written):
 * <ul>
 * <li>bitCount: the SWAR sum of bit pairs, nibbles and bytes, then of the bytes by shifts;
 * <li>numberOfLeadingZeros: the bits below the highest one set, counted in the complement;
 *     numberOfTrailingZeros: the bits of {@code ~x & (x - 1)} counted;
 * <li>reverse: bits swapped in pairs, pairs in nibbles, nibbles in bytes, then reverseBytes:
 *     bytes swapped in halves, then the halves rotated;
 * <li>copySign: the magnitude's bits with the sign's sign bit ({@code BITWISE_BLEND}), NaN
 *     signs included, as {@code Math.copySign} reads raw bits;
 * <li>rint: {@code (|x| + 2^52) - 2^52} rounds to even exactly while {@code |x| < 2^52}, given the
 *     sign of {@code x} (so -0.3 gives -0.0); every other value (larger, infinite, NaN) is already
 *     the result, picked by a blend; floor and ceil step rint's result back by one where it passed
 *     {@code x}, ceil then giving the sign of {@code x} (ceil(-0.5) is -0.0);
 * <li>signum: 1 where {@code x > 0}, -1 where {@code x < 0}, else {@code x} (zeros and NaN).
 * </ul>
 * On JDK 19 and later the five bit operations use their own {@code VectorOperators} constant
 * instead (a single instruction where the CPU has one, such as AVX-512 VPOPCNTD); the code is
 * generated for the JDK it runs on, and the class cache keys on the JDK's feature version.
 * Each method takes its operands on the stack, as the lane type's vectors, and leaves the result.
 */
final class LaneForms implements Opcodes {

    private static final Set<String> ASSOCIATIVE = Set.of("ADD", "MUL", "AND", "OR", "XOR");
    /** Whether this JDK's {@code VectorOperators} has BIT_COUNT and the other bit operators (JDK 19 on). */
    private static final boolean BIT_OPERATORS = Runtime.version().feature() >= 19;

    private final Emitter out;
    private final Kind kind;
    private final String vector;

    private LaneForms(Emitter out, Kind kind) {
        this.out = out;
        this.kind = kind;
        this.vector = kind.vectorClass();
    }

    /** Replaces the vector on the stack by {@code op} of it. */
    static void unary(Emitter out, Op op, Kind kind) {
        LaneForms f = new LaneForms(out, kind);
        if (op.bits() && BIT_OPERATORS) { // named after the operator
            out.operator(op.name(), "Unary");
            out.invokevirtual(f.vector, "lanewise", "(L" + Emitter.OPERATORS + "$Unary;)L" + f.vector + ";");
            return;
        }
        switch (op) {
            case BIT_COUNT: f.bitCount(); break;
            case LEADING_ZEROS_COUNT: f.leadingZeros(); break;
            case TRAILING_ZEROS_COUNT: f.trailingZeros(); break;
            case REVERSE: f.reverse(); break;
            case REVERSE_BYTES: f.reverseBytes(); break;
            case RINT: f.rint(f.store()); break;
            case FLOOR: f.floor(); break;
            case CEIL: f.ceil(); break;
            case SIGNUM: f.signum(); break;
            default: throw new IllegalStateException("no lane form for " + op);
        }
    }

    /** Replaces the two vectors on the stack by {@code op} of them. */
    static void binary(Emitter out, Op op, Kind kind) {
        if (op != Op.COPY_SIGN) {
            throw new IllegalStateException("no lane form for " + op);
        }
        new LaneForms(out, kind).copySign();
    }

    // ------------------------------------------------------------------ integral

    private int bits() {
        return kind.bytes() * 8;
    }

    /** @return {@code pattern} (a byte pattern repeated) as wide as a lane */
    private long repeat(int bytePattern) {
        long v = 0;
        for (int i = 0; i < kind.bytes(); i++) {
            v = v << 8 | bytePattern;
        }
        return v;
    }

    private void bitCount() {
        dup();
        scalar("LSHR", 1);
        scalar("AND", repeat(0x55));
        vectors("SUB"); // each pair of bits holds its count
        dup();
        scalar("AND", repeat(0x33));
        swap();
        scalar("LSHR", 2);
        scalar("AND", repeat(0x33));
        vectors("ADD"); // each nibble its count
        dup();
        scalar("LSHR", 4);
        vectors("ADD");
        scalar("AND", repeat(0x0f)); // each byte its count
        for (int s = 8; s < bits(); s *= 2) {
            dup();
            scalar("LSHR", s);
            vectors("ADD");
        }
        scalar("AND", bits() * 2 - 1); // the low byte: the sum of every byte's count
    }

    private void leadingZeros() {
        for (int s = 1; s < bits(); s *= 2) { // every bit below the highest set one set too
            dup();
            scalar("LSHR", s);
            vectors("OR");
        }
        scalar("XOR", -1);
        bitCount();
    }

    private void trailingZeros() {
        dup();
        scalar("SUB", 1);
        swap();
        scalar("XOR", -1);
        vectors("AND"); // ~x & (x - 1): the bits below the lowest set one
        bitCount();
    }

    private void reverse() {
        swapGroups(1, repeat(0x55));
        swapGroups(2, repeat(0x33));
        swapGroups(4, repeat(0x0f));
        reverseBytes();
    }

    private void reverseBytes() {
        if (kind.bytes() >= 4) {
            swapGroups(8, kind == Kind.LONG ? 0x00ff00ff00ff00ffL : 0x00ff00ff);
        }
        if (kind == Kind.LONG) {
            swapGroups(16, 0x0000ffff0000ffffL);
        }
        scalar("ROL", bits() / 2);
    }

    /** {@code ((x & mask) << s) | ((x >>> s) & mask)}: neighbouring groups of {@code s} bits swapped. */
    private void swapGroups(int s, long mask) {
        dup();
        scalar("AND", mask);
        scalar("LSHL", s);
        swap();
        scalar("LSHR", s);
        scalar("AND", mask);
        vectors("OR");
    }

    // ------------------------------------------------------------------ floating

    private Kind integral() {
        return kind == Kind.FLOAT ? Kind.INT : Kind.LONG;
    }

    /** {@code 2^52} for double, {@code 2^23} for float: from there on every value is an integer. */
    private double integers() {
        return kind == Kind.FLOAT ? 0x1p23 : 0x1p52;
    }

    /** Stack: magnitude, sign; leaves the magnitude with the sign's sign bit. */
    private void copySign() {
        String lanes = integral().vectorClass();
        out.invokevirtual(vector, "viewAsIntegralLanes", "()L" + lanes + ";");
        swap();
        out.invokevirtual(vector, "viewAsIntegralLanes", "()L" + lanes + ";");
        swap(); // magnitude bits, sign bits
        out.operator("BITWISE_BLEND", "Ternary");
        swap();
        String e = integral().descriptor();
        out.ldc(kind == Kind.FLOAT ? (Object) Integer.MIN_VALUE : (Object) Long.MIN_VALUE);
        out.invokevirtual(lanes, "lanewise", "(L" + Emitter.OPERATORS + "$Ternary;L" + Emitter.VECTOR + ";" + e + ")L" + lanes + ";");
        out.invokevirtual(lanes, "viewAsFloatingLanes", "()L" + vector + ";");
    }

    /** Leaves rint of the vector in local {@code x}. */
    private void rint(int x) {
        out.load(ALOAD, x);
        out.operator("ABS", "Unary");
        out.invokevirtual(vector, "lanewise", "(L" + Emitter.OPERATORS + "$Unary;)L" + vector + ";");
        int abs = store();
        out.load(ALOAD, x); // the result where |x| is not below 2^52, NaN included
        out.load(ALOAD, abs);
        floating("ADD", integers());
        floating("SUB", integers());
        out.load(ALOAD, x);
        copySign();
        out.load(ALOAD, abs);
        compareScalar("LT", integers());
        blend();
    }

    /** Stack: x; leaves floor(x). */
    private void floor() {
        int x = store();
        rint(x);
        stepBack(x, "GT", "SUB");
    }

    /** Stack: x; leaves ceil(x). */
    private void ceil() {
        int x = store();
        rint(x);
        stepBack(x, "LT", "ADD");
        out.load(ALOAD, x);
        copySign();
    }

    /** Stack: r; leaves {@code r op 1} where {@code r cond x}, else r. */
    private void stepBack(int x, String cond, String op) {
        int r = store();
        out.load(ALOAD, r);
        out.load(ALOAD, r);
        floating(op, 1);
        out.load(ALOAD, r);
        out.operator(cond, "Comparison");
        out.load(ALOAD, x);
        out.invokevirtual(vector, "compare", "(L" + Emitter.OPERATORS + "$Comparison;L" + Emitter.VECTOR + ";)L" + Emitter.MASK + ";");
        blend();
    }

    private void signum() {
        int x = store();
        out.load(ALOAD, x);
        constant(1);
        out.load(ALOAD, x);
        compareScalar("GT", 0);
        blendScalar();
        constant(-1);
        out.load(ALOAD, x);
        compareScalar("LT", 0);
        blendScalar();
    }

    // ------------------------------------------------------------------ stack helpers

    private void dup() {
        out.op(DUP);
    }

    private void swap() {
        out.op(SWAP);
    }

    private int store() {
        int slot = out.local(1);
        out.load(ASTORE, slot);
        return slot;
    }

    /** Pushes {@code v} as a lane value (an int for short lanes, as the JVM passes a short). */
    private void constant(double v) {
        switch (kind) {
            case FLOAT: out.ldc((float) v); break;
            case DOUBLE: out.ldc(v); break;
            case LONG: out.ldc((long) v); break;
            default: out.ldc((int) (long) v); break;
        }
    }

    private void constantBits(long v) {
        if (kind == Kind.LONG) {
            out.ldc(v);
        } else {
            out.ldc((int) v);
        }
    }

    /** Stack: a; leaves {@code a op v}, {@code v} a floating lane constant. */
    private void floating(String op, double v) {
        out.operator(op, ASSOCIATIVE.contains(op) ? "Associative" : "Binary");
        constant(v);
        out.invokevirtual(vector, "lanewise", "(L" + Emitter.OPERATORS + "$Binary;" + kind.descriptor() + ")L" + vector + ";");
    }

    /** Stack: a; leaves {@code a op v}, {@code v} a lane constant given by its bits. */
    private void scalar(String op, long v) {
        out.operator(op, ASSOCIATIVE.contains(op) ? "Associative" : "Binary");
        constantBits(v);
        out.invokevirtual(vector, "lanewise", "(L" + Emitter.OPERATORS + "$Binary;" + kind.descriptor() + ")L" + vector + ";");
    }

    /** Stack: a, b; leaves {@code a op b}. */
    private void vectors(String op) {
        out.operator(op, ASSOCIATIVE.contains(op) ? "Associative" : "Binary");
        swap();
        out.invokevirtual(vector, "lanewise", "(L" + Emitter.OPERATORS + "$Binary;L" + Emitter.VECTOR + ";)L" + vector + ";");
    }

    /** Stack: a; leaves the mask of {@code a cond v}. */
    private void compareScalar(String cond, double v) {
        out.operator(cond, "Comparison");
        constant(v);
        out.invokevirtual(vector, "compare", "(L" + Emitter.OPERATORS + "$Comparison;" + kind.descriptor() + ")L" + Emitter.MASK + ";");
    }

    /** Stack: a, b, mask; leaves b where the mask is set, else a. */
    private void blend() {
        out.invokevirtual(vector, "blend", "(L" + Emitter.VECTOR + ";L" + Emitter.MASK + ";)L" + vector + ";");
    }

    /** Stack: a, v (a lane constant), mask; leaves v where the mask is set, else a. */
    private void blendScalar() {
        out.invokevirtual(vector, "blend", "(" + kind.descriptor() + "L" + Emitter.MASK + ";)L" + vector + ";");
    }
}
