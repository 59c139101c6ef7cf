package dev.hotloop.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates one random {@code @Vectorize} kernel from a seed: one to three arrays of any element
 * type, a counted loop (up or down, step 1 or 2, from {@link Ty#INDEX_SEEDS} on 1 to 4 with
 * dependences at a constant distance and gathers {@code a[keys[i] & m]}, bounds from parameters or {@code a.length},
 * offsets {@code i + c}, strided {@code k*i + c} and reversed {@code a.length - 1 - i} indexes, or a
 * row-major nest over {@code base + i}; from {@link Ty#EXIT_SEEDS} on also {@code i != end} tests and
 * {@code short}/{@code byte}/{@code char} indexes; from {@link Ty#BOOL_SEEDS} on also {@code boolean[]}
 * arrays, see {@link FlagGen}), a body of stores, compound
 * stores, locals, {@code if/else} and at most one reduction; a sixth of the strict kernels also
 * hold one of the {@link RefusedShape}s. The same seed always gives the same kernel.
 */
final class KernelGen {

    private final SplittableRandom r;
    private final ExprGen exprs;
    private final String name;
    /** The kernel's {@code boolean[]} arrays and what reads and writes them, from {@link Ty#BOOL_SEEDS} on; null below. */
    private final FlagGen flags;
    private final List<String> helpers = new ArrayList<>();
    private Scope scope;
    private List<Scope.Var> arrays;
    private Ty returns;
    private int locals;

    private KernelGen(String name, long seed) {
        this.r = new SplittableRandom(seed);
        // Intrinsic calls are drawn from a random of their own, so that kernels below the band stay as they were.
        this.exprs = new ExprGen(r, seed >= Ty.INTRINSIC_SEEDS ? new SplittableRandom(seed * 31 + 30) : null);
        this.name = name;
        this.flags = FlagGen.of(seed);
        exprs.flags(flags);
    }

    /**
     * @param name the method name
     * @param seed the seed
     * @return the kernel
     */
    static Kernel generate(String name, long seed) {
        return new KernelGen(name, seed).kernel(seed);
    }

    private Kernel kernel(long seed) {
        boolean fastMath = r.nextInt(5) == 0;
        RefusedShape refused = !fastMath && r.nextInt(6) == 0 ? RefusedShape.any(r) : null;
        boolean chars = seed >= Ty.CHAR_SEEDS;
        Ty main = chars ? Ty.anyWithChar(r) : Ty.any(r);
        arrays = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int k = 0; k < count; k++) {
            arrays.add(new Scope.Var("a" + k, r.nextInt(5) < 3 ? main : chars ? Ty.anyWithChar(r) : Ty.any(r)));
        }
        if (refused == RefusedShape.HISTOGRAM && arrays.stream().noneMatch(a -> a.type() == Ty.INT)) {
            arrays.add(new Scope.Var("a" + count, Ty.INT));
        }
        List<Scope.Var> scalars = List.of(new Scope.Var("x0", main.promoted()), new Scope.Var("x1", Ty.anyExpression(r)));
        boolean nested = r.nextInt(7) == 0;
        boolean down = !nested && refused != RefusedShape.RECURRENCE && r.nextInt(4) == 0;
        int step = nested || r.nextInt(10) != 0 ? 1 : 2;
        int minOffset = 0;
        int maxOffset = 0;
        if (!nested && r.nextInt(3) == 0) {
            minOffset = -r.nextInt(3);
            maxOffset = r.nextInt(3);
        }
        if (refused == RefusedShape.RECURRENCE) {
            minOffset = Math.min(minOffset, -1);
        }
        // Steps of 2 to 4, dependences at a constant distance and gathers, from a random of their
        // own and only from Ty.INDEX_SEEDS on, so that every kernel below stays as it was.
        SplittableRandom band = seed >= Ty.INDEX_SEEDS ? new SplittableRandom(seed * 31 + 40) : null;
        int distance = 0;
        if (band != null && !nested) {
            int drawn = band.nextInt(3) == 0 ? 1 : 2 + band.nextInt(3);
            step = refused == RefusedShape.RECURRENCE ? step : drawn;
            if (refused == null && band.nextInt(3) == 0) {
                distance = 1 << (1 + band.nextInt(4));
                minOffset = -distance;
                maxOffset = 0;
            }
        }
        List<String> indexes = new ArrayList<>();
        if (nested) {
            indexes.add("base + i");
        } else if (distance > 0) {
            indexes.add("i");
            indexes.add("i - " + distance);
        } else {
            for (int c = minOffset; c <= maxOffset; c++) {
                indexes.add(c == 0 ? "i" : c < 0 ? "i - " + -c : "i + " + c);
            }
        }
        // Strided and reversed element indexes, drawn from a random of their own so that every
        // other draw, and so every kernel without one, stays as it was.
        SplittableRandom forms = new SplittableRandom(seed * 31 + 12);
        String form = null;
        int divide = 1;
        if (!nested && step == 1 && refused == null && forms.nextInt(4) == 0) {
            String a0 = arrays.get(0).name();
            switch (forms.nextInt(4)) {
                case 0 -> form = a0 + ".length - 1 - i";
                case 1 -> {
                    divide = 2;
                    form = forms.nextBoolean() ? "2 * i" : "2 * i + 1";
                }
                case 2 -> {
                    divide = 3;
                    form = "3 * i + " + forms.nextInt(3);
                }
                default -> {
                    divide = 2;
                    form = a0 + ".length - 1 - 2 * i";
                }
            }
            indexes.add(form);
        }
        scope = new Scope(arrays, scalars, indexes);
        boolean gathers = band != null && band.nextInt(3) == 0;
        if (gathers) {
            scope.gathers.add(Ty.pick(band, "(keys[i] & 15)", "(keys[i] & 1023)", "(keys[i] & 63) - 1", "keys[i] >>> 22"));
        }

        boolean ordered = !fastMath && seed >= Reduction.ORDERED_SEEDS;
        Reduction reduction = fastMath || ordered || r.nextBoolean() ? Reduction.pick(r, fastMath, ordered) : null;
        returns = reduction == null ? null : reduction.acc();
        // Selections from SELECT_SEEDS on, from a random of their own: kernels below stay as they were.
        SplittableRandom selects = new SplittableRandom(seed * 31 + 50);
        SelectionGen selection = seed >= Ty.SELECT_SEEDS && reduction == null && refused == null && !fastMath ? SelectionGen.pick(selects) : null;
        // ... or, as often, a search: locals and tests that leave (return i), nothing else
        boolean search = selection != null && selects.nextBoolean();
        if (search) {
            selection = null;
            returns = Ty.INT;
        }
        // i != end exit tests and short/byte/char indexes, from a random of their own and only from
        // Ty.EXIT_SEEDS on, so that every kernel below stays as it was.
        SplittableRandom exits = seed >= Ty.EXIT_SEEDS && !nested ? new SplittableRandom(seed * 31 + 60) : null;
        boolean notEqual = exits != null && exits.nextInt(3) != 0;
        String index = exits != null && exits.nextInt(2) == 0 ? Ty.pick(exits, "short", "byte", "char") : "int";
        Node reads = null;
        if (notEqual || !index.equals("int")) {
            // Where the index misses the bound or wraps, the original runs on: this read ends it at the array's end.
            Scope.Var a0 = arrays.get(0);
            String local = "t" + locals++;
            Ty t = a0.type().promoted();
            reads = Node.declaration(local, t.java + " " + local + " = " + a0.name() + "[i];").pin();
            scope.declare(new Scope.Var(local, t));
        }
        // Statements in order, so that each sees only the locals declared before it.
        int n = 1 + r.nextInt(4);
        int reduceAt = reduction == null ? -1 : r.nextInt(n + 1);
        int refuseAt = refused == null ? -1 : r.nextInt(n + 1);
        int selectAt = selection == null ? -1 : selects.nextInt(n + 1);
        List<Node> stmts = new ArrayList<>();
        for (int k = 0; k <= n && search; k++) {
            if (k < n && selects.nextBoolean()) {
                Ty t = Ty.anyExpression(r);
                String local = "t" + locals++;
                Node init = exprs.gen(t, scope, 3);
                scope.declare(new Scope.Var(local, t));
                stmts.add(Node.declaration(local, t.java + " " + local + " = #;", init));
            } else {
                stmts.add(Node.stmt("if (#) return i" + (k == 0 ? "" : " * 3 + " + k) + ";", exprs.cond(scope, 2)));
            }
        }
        for (int k = 0; k <= n && !search; k++) {
            if (k == reduceAt) {
                Node red = reduction.statement(exprs.gen(reduction.acc().promoted(), scope, 3));
                stmts.add(r.nextInt(4) == 0 ? Node.stmt("if (#) #", exprs.cond(scope, 1), Node.block(List.of(red))) : red);
            }
            if (k == selectAt) {
                stmts.add(selection.statement(exprs.gen(selection.acc(), scope, 3), exprs.cond(scope, 1)));
            }
            if (k == refuseAt) {
                stmts.add(refused.statement(this).pin());
            }
            if (k < n) {
                stmts.add(statement(2));
            }
        }
        // The ordered band mostly asks for the SIMD form, which the cost stage keeps only for heavy element work.
        String vectorize = fastMath ? "@Vectorize(fastMath = true)" : ordered && r.nextInt(4) != 0
                ? "@Vectorize(unroll = " + (1 + r.nextInt(2)) + ")" : "@Vectorize";
        boolean onIndex = r.nextInt(5) == 0;
        if (reads != null) {
            stmts.add(0, reads);
        }
        Node loop = loop(Node.block(stmts), nested, down, step, minOffset, maxOffset, divide, onIndex ? vectorize + " " : "", notEqual, index);

        List<Node> body = new ArrayList<>();
        if (reduction != null) {
            body.add(reduction.declaration(r));
        }
        if (selection != null) {
            body.addAll(selection.declarations());
        }
        body.add(loop);
        if (reduction != null) {
            body.add(Node.stmt("return s;"));
        }
        if (selection != null) {
            body.add(selection.returns());
        }
        if (search) {
            body.add(Node.stmt("return -1;"));
        }
        StringBuilder params = new StringBuilder();
        for (Scope.Var a : arrays) {
            params.append(a.type().java).append("[] ").append(a.name()).append(", ");
        }
        if (flags != null) {
            params.append(flags.arrayParams());
        }
        if (gathers) {
            params.append("int[] keys, ");
        }
        params.append("int n, int from, int to, ");
        if (nested) {
            params.append("int cols, ");
        }
        params.append(scalars.get(0).type().java).append(" x0, ").append(scalars.get(1).type().java).append(" x1");
        if (flags != null) {
            params.append(", boolean xf");
        }
        String shape = (nested ? "nest" : down ? "down" : "up") + (step != 1 ? " step " + step : "")
                + (minOffset != 0 || maxOffset != 0 ? " offsets" : "") + (form == null ? "" : form.contains("*") ? " strided" : " reversed")
                + (reduction == null ? "" : " " + reduction.describe())
                + (selection == null ? "" : " " + selection.describe()) + (search ? " search" : "")
                + (refused == null ? "" : " " + refused.name().toLowerCase(java.util.Locale.ROOT))
                + (onIndex ? " on-index" : "") + (distance > 0 ? " distance " + distance : "") + (gathers ? " gather" : "")
                + (notEqual ? " !=" : "") + (index.equals("int") ? "" : " " + index + " index")
                + (flags == null ? "" : " boolean[] x" + flags.arrays().size());
        String type = reduction != null ? reduction.acc().java : selection != null ? selection.returnType() : search ? "int" : "void";
        return new Kernel(name, seed, onIndex ? "" : vectorize, type, params.toString(), Node.block(body), List.copyOf(helpers),
                shape, fastMath, refused != null && !refused.searches()
                        && !(refused == RefusedShape.RECURRENCE && step != 1)); // a[i - 1] is never written under i += 2
    }

    private Node loop(Node body, boolean nested, boolean down, int step, int minOffset, int maxOffset, int divide, String annotation,
                      boolean notEqual, String index) {
        if (nested) {
            Node inner = Node.scaled("for (" + annotation + "int i = 0; i < cols; i++) #", "for (int i = 0; i < cols; i++) #",
                    null, body);
            return Node.stmt("for (int r = 0; r < #; r++) #", Node.expr(Ty.INT, "n"),
                    Node.block(List.of(Node.declaration("base", "int base = r * cols;"), inner)));
        }
        String a0 = arrays.get(0).name();
        Node lo = Node.expr(Ty.INT, Ty.pick(r, "0", "0", "from", "1") + (minOffset < 0 ? " + " + -minOffset : ""));
        String top = Ty.pick(r, "n", a0 + ".length", "to", "Math.min(n, " + a0 + ".length)", a0 + ".length - 1")
                + (maxOffset > 0 ? " - " + maxOffset : "");
        Node hi = Node.expr(Ty.INT, divide > 1 ? "(" + top + ") / " + divide : top); // a strided index stays in its array
        String inc = step == 1 ? (down ? "i--" : "i++") : (down ? "i -= " : "i += ") + step;
        if (notEqual || !index.equals("int")) {
            String cast = index.equals("int") ? "" : "(" + index + ") ";
            String head = down ? "for (" + index + " i = " + cast + "(# - 1); i " + (notEqual ? "!= # - 1" : ">= #") + "; " + inc + ") #"
                    : "for (" + index + " i = " + cast + "(#); i " + (notEqual ? "!=" : "<") + " #; " + inc + ") #";
            return Node.scaled(head.replace("for (", "for (" + annotation), head, null, down ? hi : lo, down ? lo : hi, body);
        }
        if (down) {
            return Node.scaled("for (" + annotation + "int i = # - 1; i >= #; " + inc + ") #",
                    "for (int i = # - 1; i >= #; " + inc + ") #", null, hi, lo, body);
        }
        return Node.scaled("for (" + annotation + "int i = #; i < #; " + inc + ") #", "for (int i = #; i < #; " + inc + ") #",
                null, lo, hi, body);
    }

    private Node statement(int depth) {
        if (flags != null && flags.takesStatement()) {
            return flags.statement(scope, index(), "t" + locals++);
        }
        int pick = r.nextInt(depth > 0 ? 9 : 6);
        if (pick <= 2) {
            Scope.Var a = array();
            return Node.stmt(a.name() + "[" + index() + "] = " + narrow(a.type()), exprs.gen(a.type().promoted(), scope, 3));
        }
        if (pick <= 3) {
            Scope.Var a = array();
            String op = a.type().integral() ? Ty.pick(r, "+=", "-=", "*=", "&=", "|=", "^=", "<<=") : Ty.pick(r, "+=", "-=", "*=", "/=");
            Ty t = op.equals("<<=") ? Ty.INT : a.type().integral() ? Ty.anyExpression(r) : Ty.anyExpression(r);
            if (a.type().integral() && !t.integral() && (op.contains("&") || op.contains("|") || op.contains("^"))) {
                t = Ty.LONG;
            }
            return Node.stmt(a.name() + "[" + index() + "] " + op + " #;", exprs.gen(t, scope, 2));
        }
        if (pick <= 5) {
            Ty t = Ty.anyExpression(r);
            String local = "t" + locals++;
            Node init = exprs.gen(t, scope, 3);
            scope.declare(new Scope.Var(local, t));
            return Node.declaration(local, t.java + " " + local + " = #;", init);
        }
        Node cond = exprs.cond(scope, 2);
        Node then = branch(depth - 1);
        return r.nextBoolean() ? Node.stmt("if (#) #", cond, then) : Node.stmt("if (#) # else #", cond, then, branch(depth - 1));
    }

    private Node branch(int depth) {
        int marker = scope.open();
        List<Node> stmts = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            stmts.add(statement(depth));
        }
        scope.close(marker);
        return Node.block(stmts);
    }

    // ---------------------------------------------------------------- for RefusedShape

    SplittableRandom random() {
        return r;
    }

    ExprGen exprs() {
        return exprs;
    }

    Scope scope() {
        return scope;
    }

    Ty returns() {
        return returns;
    }

    String suffix() {
        return "_" + name;
    }

    void helper(String source) {
        helpers.add(source);
    }

    Scope.Var array() {
        return arrays.get(r.nextInt(arrays.size()));
    }

    Scope.Var array(Ty type) {
        return arrays.stream().filter(a -> a.type() == type).findFirst().orElseThrow();
    }

    String index() {
        return scope.indexes.get(r.nextInt(scope.indexes.size()));
    }

    /** @return the cast a value of the promoted type needs to be stored into an array of {@code t}, then {@code #;} */
    static String narrow(Ty t) {
        return t == Ty.BYTE || t == Ty.SHORT || t == Ty.CHAR ? "(" + t.java + ") (#);" : "#;";
    }
}
