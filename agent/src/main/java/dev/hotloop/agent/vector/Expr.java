package dev.hotloop.agent.vector;

import java.util.Objects;

/**
 * A value computed by one iteration of a loop, as a tree: the loop IR. Every value is a pure
 * function of the loop's invariants, the induction variable, the values locals held when the
 * iteration began, and the arrays' contents when the iteration began (loads that follow a store
 * to the same element are forwarded by the lifter). Records compare structurally, which is what
 * common-subexpression elimination and alias checks rely on. {@code toString} prints the IR.
 */
sealed interface Expr {

    /** @return the value's kind; {@link Kind#BOOL} for conditions */
    Kind kind();

    /*
     * Every record below spells out equals and hashCode. The generated ones link through
     * java.lang.runtime.ObjectMethods on first use, which cost the first transform of a JVM about
     * 20 ms of method-handle spinning in the interpreter (measured; AgentStartupIT keeps it out).
     * Enums hash by ordinal, so the hash, and the order of any hashed collection, is the same in
     * every run.
     */
    private static int hash(Object... parts) {
        int h = 1;
        for (Object part : parts) {
            h = 31 * h + (part instanceof Enum<?> e ? e.ordinal() : Objects.hashCode(part));
        }
        return h;
    }

    /** A constant; {@code value} is an Integer, Long, Float or Double. */
    record Const(Kind kind, Number value) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Const o && kind == o.kind && value.equals(o.value);
        }

        @Override
        public int hashCode() {
            return hash(kind, value);
        }

        @Override
        public String toString() {
            return value + (kind == Kind.LONG ? "L" : kind == Kind.FLOAT ? "f" : "");
        }
    }

    /** The value a local variable held when the iteration began. */
    record Var(int slot, Kind kind, String name) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Var o && slot == o.slot && kind == o.kind && Objects.equals(name, o.name);
        }

        @Override
        public int hashCode() {
            return hash(slot, kind, name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The induction variable at the start of the iteration. */
    record Iv(String name) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Iv o && Objects.equals(name, o.name);
        }

        @Override
        public int hashCode() {
            return hash(name);
        }

        @Override
        public Kind kind() {
            return Kind.INT;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A field read; {@code object} is null for a static field. */
    record Field(String owner, String name, String desc, Expr object) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Field o && owner.equals(o.owner) && name.equals(o.name) && desc.equals(o.desc) && Objects.equals(object, o.object);
        }

        @Override
        public int hashCode() {
            return hash(owner, name, desc, object);
        }

        @Override
        public Kind kind() {
            return Kind.ofDescriptor(desc);
        }

        @Override
        public String toString() {
            return (object == null ? owner.substring(owner.lastIndexOf('/') + 1) : object.toString()) + "." + name;
        }
    }

    /** {@code array.length}. */
    record Length(Expr array) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Length o && array.equals(o.array);
        }

        @Override
        public int hashCode() {
            return hash(array);
        }

        @Override
        public Kind kind() {
            return Kind.INT;
        }

        @Override
        public String toString() {
            return array + ".length";
        }
    }

    /** An array element as it was when the iteration began; {@code kind} is the element type. */
    record Load(Expr array, Expr index, Kind kind) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Load o && kind == o.kind && array.equals(o.array) && index.equals(o.index);
        }

        @Override
        public int hashCode() {
            return hash(array, index, kind);
        }

        @Override
        public String toString() {
            return array + "[" + index + "]";
        }
    }

    /** A one-operand operation ({@link Op#NEG}, {@link Op#ABS}, math functions). */
    record Unary(Op op, Kind kind, Expr x) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Unary o && op == o.op && kind == o.kind && x.equals(o.x);
        }

        @Override
        public int hashCode() {
            return hash(op, kind, x);
        }

        @Override
        public String toString() {
            return op.symbol() + "(" + x + ")";
        }
    }

    /** A two-operand operation, with the JVM's semantics for {@code kind}. */
    record Binary(Op op, Kind kind, Expr left, Expr right) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Binary o && op == o.op && kind == o.kind && left.equals(o.left) && right.equals(o.right);
        }

        @Override
        public int hashCode() {
            return hash(op, kind, left, right);
        }

        @Override
        public String toString() {
            return op.infix() ? "(" + left + " " + op.symbol() + " " + right + ")" : op.symbol() + "(" + left + ", " + right + ")";
        }
    }

    /** {@code Math.fma(a, b, c)}: {@code a * b + c} rounded once. */
    record Fma(Kind kind, Expr a, Expr b, Expr c) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Fma o && kind == o.kind && a.equals(o.a) && b.equals(o.b) && c.equals(o.c);
        }

        @Override
        public int hashCode() {
            return hash(kind, a, b, c);
        }

        @Override
        public String toString() {
            return "fma(" + a + ", " + b + ", " + c + ")";
        }
    }

    /** A primitive conversion with Java cast semantics. */
    record Convert(Kind from, Kind kind, Expr x) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Convert o && from == o.from && kind == o.kind && x.equals(o.x);
        }

        @Override
        public int hashCode() {
            return hash(from, kind, x);
        }

        @Override
        public String toString() {
            return "(" + kind.javaName() + ") " + x;
        }
    }

    /** A comparison with Java semantics (false on NaN, except {@link Cond#NE}). */
    record Cmp(Cond cond, Expr left, Expr right) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Cmp o && cond == o.cond && left.equals(o.left) && right.equals(o.right);
        }

        @Override
        public int hashCode() {
            return hash(cond, left, right);
        }

        @Override
        public Kind kind() {
            return Kind.BOOL;
        }

        @Override
        public String toString() {
            return "(" + left + " " + cond.symbol() + " " + right + ")";
        }
    }

    /** A {@code lcmp}/{@code fcmpl}/{@code fcmpg}/{@code dcmpl}/{@code dcmpg} result, before its branch. */
    record Cmp3(int opcode, Expr left, Expr right) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Cmp3 o && opcode == o.opcode && left.equals(o.left) && right.equals(o.right);
        }

        @Override
        public int hashCode() {
            return hash(opcode, left, right);
        }

        @Override
        public Kind kind() {
            return Kind.INT;
        }

        @Override
        public String toString() {
            return "compare(" + left + ", " + right + ")";
        }
    }

    /** Logical negation of a condition. */
    record Not(Expr x) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Not o && x.equals(o.x);
        }

        @Override
        public int hashCode() {
            return hash(x);
        }

        @Override
        public Kind kind() {
            return Kind.BOOL;
        }

        @Override
        public String toString() {
            return "!" + x;
        }
    }

    /** Conjunction ({@code and}) or disjunction of two conditions. */
    record Logic(boolean and, Expr left, Expr right) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Logic o && and == o.and && left.equals(o.left) && right.equals(o.right);
        }

        @Override
        public int hashCode() {
            return hash(and, left, right);
        }

        @Override
        public Kind kind() {
            return Kind.BOOL;
        }

        @Override
        public String toString() {
            return "(" + left + (and ? " && " : " || ") + right + ")";
        }
    }

    /** {@code cond ? ifTrue : ifFalse}, both sides computed (they have no side effects). */
    record Select(Expr cond, Expr ifTrue, Expr ifFalse) implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof Select o && cond.equals(o.cond) && ifTrue.equals(o.ifTrue) && ifFalse.equals(o.ifFalse);
        }

        @Override
        public int hashCode() {
            return hash(cond, ifTrue, ifFalse);
        }

        @Override
        public Kind kind() {
            return ifTrue.kind();
        }

        @Override
        public String toString() {
            return "(" + cond + " ? " + ifTrue + " : " + ifFalse + ")";
        }
    }

    /**
     * The class's coverage-probe array as an inlined method reads it: the dynamic constant
     * JaCoCo's probes load ({@code constant}, cast to {@code boolean[]}), or its static
     * {@code owner.$jacocoInit()}, which returns the same array on every call. Loop-invariant.
     */
    record ProbeArray(org.objectweb.asm.ConstantDynamic constant, String owner) implements Expr {
        static final String INIT = "$jacocoInit";

        @Override
        public boolean equals(Object other) {
            return other instanceof ProbeArray o && Objects.equals(constant, o.constant) && Objects.equals(owner, o.owner);
        }

        @Override
        public int hashCode() {
            return hash(constant, owner);
        }

        @Override
        public Kind kind() {
            return Kind.REF;
        }

        @Override
        public String toString() {
            return constant != null ? constant.getName() : INIT + "()";
        }
    }

    /** The condition that always holds. */
    record True() implements Expr {
        @Override
        public boolean equals(Object other) {
            return other instanceof True;
        }

        @Override
        public int hashCode() {
            return 1;
        }

        @Override
        public Kind kind() {
            return Kind.BOOL;
        }

        @Override
        public String toString() {
            return "true";
        }
    }

    /** Comparison operators. */
    enum Cond {
        EQ("=="), NE("!="), LT("<"), GE(">="), GT(">"), LE("<=");

        private final String symbol;

        Cond(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        /** @return the condition that holds exactly when this one does not, for integers */
        Cond negate() {
            return values()[ordinal() ^ 1];
        }

        /** @return the condition with its operands swapped */
        Cond swap() {
            switch (this) {
                case LT: return GT;
                case GT: return LT;
                case LE: return GE;
                case GE: return LE;
                default: return this;
            }
        }
    }
}
