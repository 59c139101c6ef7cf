package dev.hotloop.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a fuzzed kernel's syntax tree: an expression of a known {@link Ty}, a statement, or
 * a block of statements. A node is a source template in which each {@code #} stands for the next
 * child, which keeps the generator short and lets the {@link Shrinker} work on any node the same
 * way. A node may have a second template for the kernel's error-scale twin (see {@link Kernel}).
 */
final class Node {

    /** What a node is, for the shrinker. */
    enum Kind { EXPR, STMT, BLOCK }

    final Kind kind;
    final Ty type;
    final String template;
    final String scaleTemplate;
    /** The local variable a statement declares, or null; the shrinker keeps a declaration still in use. */
    final String declares;
    /** Whether the shrinker must keep this statement: the shape that makes a kernel one to refuse. */
    final boolean pinned;
    final List<Node> kids;

    private Node(Kind kind, Ty type, String template, String scaleTemplate, String declares, boolean pinned,
                 List<Node> kids) {
        this.kind = kind;
        this.pinned = pinned;
        this.type = type;
        this.template = template;
        this.scaleTemplate = scaleTemplate;
        this.declares = declares;
        this.kids = List.copyOf(kids);
    }

    static Node expr(Ty type, String template, Node... kids) {
        return new Node(Kind.EXPR, type, template, null, null, false, List.of(kids));
    }

    static Node stmt(String template, Node... kids) {
        return new Node(Kind.STMT, null, template, null, null, false, List.of(kids));
    }

    /** @return this statement, which the shrinker must keep */
    Node pin() {
        return new Node(kind, type, template, scaleTemplate, declares, true, kids);
    }

    static Node declaration(String local, String template, Node... kids) {
        return new Node(Kind.STMT, null, template, null, local, false, List.of(kids));
    }

    /** A statement printed as {@code scaleTemplate} in the kernel's error-scale twin. */
    static Node scaled(String template, String scaleTemplate, String declares, Node... kids) {
        return new Node(Kind.STMT, null, template, scaleTemplate, declares, false, List.of(kids));
    }

    static Node block(List<Node> statements) {
        return new Node(Kind.BLOCK, null, null, null, null, false, statements);
    }

    Node withKids(List<Node> newKids) {
        return new Node(kind, type, template, scaleTemplate, declares, pinned, newKids);
    }

    Node withKid(int i, Node kid) {
        List<Node> k = new ArrayList<>(kids);
        k.set(i, kid);
        return withKids(k);
    }

    Node withoutKid(int i) {
        List<Node> k = new ArrayList<>(kids);
        k.remove(i);
        return withKids(k);
    }

    /** @return the number of nodes in this tree, a shrinking measure */
    int size() {
        int n = 1;
        for (Node k : kids) {
            n += k.size();
        }
        return n;
    }

    String print() {
        StringBuilder b = new StringBuilder();
        print(b, false, 1);
        return b.toString();
    }

    /** @return the source of the error-scale twin: scale templates where a node has one */
    String printScale() {
        StringBuilder b = new StringBuilder();
        print(b, true, 1);
        return b.toString();
    }

    private void print(StringBuilder b, boolean scale, int indent) {
        if (kind == Kind.BLOCK) {
            b.append("{\n");
            for (Node k : kids) {
                b.append("    ".repeat(indent + 1));
                k.print(b, scale, indent + 1);
                b.append('\n');
            }
            b.append("    ".repeat(indent)).append('}');
            return;
        }
        String t = scale && scaleTemplate != null ? scaleTemplate : template;
        int next = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '#') {
                kids.get(next++).print(b, scale, indent);
            } else {
                b.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return print();
    }
}
