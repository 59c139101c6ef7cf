package dev.hotloop.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shrinks a failing kernel to a small one that fails the same way, greedily: it tries every
 * one-step simplification of the body (drop a statement, replace an {@code if} by one branch,
 * replace an expression by a same-typed operand or by 0 or 1), smallest first, keeps the first
 * that still fails, and starts again until none does. Candidates are judged in batches, because
 * one javac run for 32 candidates costs little more than for one.
 */
final class Shrinker {

    /** Judges candidates. */
    interface Oracle {
        /**
         * @param candidates kernels to try, in order
         * @return the index of the first that still fails the same way, or -1
         */
        int firstFailing(List<Kernel> candidates);
    }

    private static final int CHUNK = 32;
    private static final int MAX_STEPS = 200;

    private Shrinker() {
    }

    static Kernel shrink(Kernel failing, Oracle oracle) {
        Kernel current = failing;
        for (int step = 0; step < MAX_STEPS; step++) {
            List<Node> variants = variants(current.body());
            variants.sort(Comparator.comparingInt(Node::size));
            Kernel next = null;
            for (int from = 0; from < variants.size() && next == null; from += CHUNK) {
                List<Kernel> chunk = new ArrayList<>();
                for (Node v : variants.subList(from, Math.min(variants.size(), from + CHUNK))) {
                    chunk.add(current.withBody(v));
                }
                int i = oracle.firstFailing(chunk);
                next = i < 0 ? null : chunk.get(i);
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** @return every tree one simplification away from {@code n} */
    static List<Node> variants(Node n) {
        List<Node> out = new ArrayList<>();
        if (n.kind == Node.Kind.BLOCK) {
            for (int i = 0; i < n.kids.size(); i++) {
                if (removable(n, i)) {
                    out.add(n.withoutKid(i));
                }
            }
        } else if (n.kind == Node.Kind.EXPR) {
            for (Node k : n.kids) {
                if (k.kind == Node.Kind.EXPR && k.type == n.type) {
                    out.add(k);
                }
            }
            for (boolean one : new boolean[] {false, true}) {
                String literal = n.type == null ? Boolean.toString(one) : n.type.small(one);
                if (!literal.equals(n.template)) {
                    out.add(Node.expr(n.type, literal));
                }
            }
        } else if (n.template.startsWith("if ")) {
            for (Node k : n.kids) {
                if (k.kind == Node.Kind.BLOCK) {
                    out.add(k);
                }
            }
        }
        for (int i = 0; i < n.kids.size(); i++) {
            for (Node v : variants(n.kids.get(i))) {
                out.add(n.withKid(i, v));
            }
        }
        return out;
    }

    /** A statement may go unless it is pinned, returns, or declares a local that another statement still reads. */
    private static boolean removable(Node block, int i) {
        Node s = block.kids.get(i);
        if (s.pinned) {
            return false;
        }
        if (s.template != null && s.template.startsWith("return ")) {
            return false;
        }
        if (s.declares == null) {
            return true;
        }
        Pattern use = Pattern.compile("\\b" + Pattern.quote(s.declares) + "\\b");
        for (int j = 0; j < block.kids.size(); j++) {
            if (j != i && use.matcher(block.kids.get(j).print()).find()) {
                return false;
            }
        }
        return true;
    }
}
