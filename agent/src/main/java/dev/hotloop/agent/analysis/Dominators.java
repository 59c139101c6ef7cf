package dev.hotloop.agent.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Immediate dominators of a {@link ControlFlowGraph}'s blocks over normal edges, by the iterative
 * algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm", 2001).
 */
public final class Dominators {

    private final int[] idom;
    private final int[] rpoIndex;

    private Dominators(int[] idom, int[] rpoIndex) {
        this.idom = idom;
        this.rpoIndex = rpoIndex;
    }

    /**
     * @param g a graph whose entry is block 0
     * @return its dominator tree
     */
    public static Dominators of(ControlFlowGraph g) {
        int n = g.size();
        int[] rpoIndex = new int[n];
        Arrays.fill(rpoIndex, -1);
        List<Integer> rpo = reversePostorder(g);
        for (int i = 0; i < rpo.size(); i++) {
            rpoIndex[rpo.get(i)] = i;
        }
        int[] idom = new int[n];
        Arrays.fill(idom, -1);
        if (n == 0) {
            return new Dominators(idom, rpoIndex);
        }
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 1; k < rpo.size(); k++) {
                int b = rpo.get(k);
                int newIdom = -1;
                for (int p : g.predecessors(b)) {
                    if (idom[p] < 0) {
                        continue;
                    }
                    newIdom = newIdom < 0 ? p : intersect(idom, rpoIndex, p, newIdom);
                }
                if (newIdom >= 0 && idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        return new Dominators(idom, rpoIndex);
    }

    private static int intersect(int[] idom, int[] rpo, int a, int b) {
        while (a != b) {
            while (rpo[a] > rpo[b]) {
                a = idom[a];
            }
            while (rpo[b] > rpo[a]) {
                b = idom[b];
            }
        }
        return a;
    }

    private static List<Integer> reversePostorder(ControlFlowGraph g) {
        List<Integer> post = new ArrayList<>(g.size());
        boolean[] seen = new boolean[g.size()];
        int[] stack = new int[g.size() + 1];
        int[] next = new int[g.size()];
        int top = 0;
        stack[top++] = 0;
        seen[0] = g.size() > 0;
        while (top > 0 && g.size() > 0) {
            int b = stack[top - 1];
            List<Integer> s = g.successors(b);
            if (next[b] < s.size()) {
                int c = s.get(next[b]++);
                if (!seen[c]) {
                    seen[c] = true;
                    stack[top++] = c;
                }
            } else {
                post.add(b);
                top--;
            }
        }
        List<Integer> rpo = new ArrayList<>(post.size());
        for (int i = post.size() - 1; i >= 0; i--) {
            rpo.add(post.get(i));
        }
        return rpo;
    }

    /**
     * @param a a block
     * @param b a block
     * @return whether every path from the entry to {@code b} passes through {@code a}
     */
    public boolean dominates(int a, int b) {
        if (rpoIndex[a] < 0 || rpoIndex[b] < 0) {
            return false; // reached only through exception edges
        }
        int x = b;
        while (true) {
            if (x == a) {
                return true;
            }
            if (x == 0 || idom[x] < 0) {
                return false;
            }
            x = idom[x];
        }
    }
}
