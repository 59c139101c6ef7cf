package dev.hotloop.agent.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A natural loop: a header block that dominates the sources of its back edges, and every block
 * that reaches a back edge without passing through the header.
 */
public final class Loop {

    private final int header;
    private final BitSet body;
    private final List<Integer> latches;
    private final List<Loop> children = new ArrayList<>();
    private Loop parent;
    private int line = -1;
    private int inductionVar = -1;
    private int step;
    private char inductionType = 'I';
    private String inductionName;
    private int exits;
    private int headerInsn = -1;
    private final BitSet insns = new BitSet();

    Loop(int header, BitSet body, List<Integer> latches) {
        this.header = header;
        this.body = body;
        this.latches = latches;
    }

    /**
     * @param index an instruction's index in the method
     * @return whether that instruction is in the loop's body (inner loops included)
     */
    public boolean containsInsn(int index) {
        return index >= 0 && insns.get(index);
    }

    void addInsns(int from, int to) {
        insns.set(from, to + 1);
    }

    /** @return the header block */
    public int header() {
        return header;
    }

    /** @return the blocks of the loop, nested loops' included */
    public BitSet body() {
        return (BitSet) body.clone();
    }

    /** @return whether a block belongs to the loop */
    public boolean contains(int block) {
        return body.get(block);
    }

    /** @return blocks whose edge back to the header closes the loop */
    public List<Integer> latches() {
        return List.copyOf(latches);
    }

    /** @return the innermost loop that encloses this one, or null */
    public Loop parent() {
        return parent;
    }

    /** @return loops directly inside this one */
    public List<Loop> children() {
        return List.copyOf(children);
    }

    /** @return whether no loop is nested inside */
    public boolean innermost() {
        return children.isEmpty();
    }

    /** @return whether no loop encloses this one */
    public boolean outermost() {
        return parent == null;
    }

    /** @return 1 for an outermost loop, 2 inside it, ... */
    public int depth() {
        return parent == null ? 1 : parent.depth() + 1;
    }

    /** @return index in the method's instruction list of the header's first instruction */
    public int headerInsn() {
        return headerInsn;
    }

    /** @return the source line of the loop's header, or -1 without line numbers */
    public int line() {
        return line;
    }

    /** @return the local slot of the induction variable, or -1 when none was recognised */
    public int inductionVar() {
        return inductionVar;
    }

    /** @return the induction variable's constant step (0 when not recognised) */
    public int step() {
        return step;
    }

    /**
     * @return the descriptor of the induction variable's type: {@code 'I'} for an {@code int}
     *     stepped by {@code iinc}; {@code 'S'}, {@code 'B'} or {@code 'C'} for a {@code short},
     *     {@code byte} or {@code char} stepped by {@code i = (short) (i + c)} and its like, which
     *     wraps within its type's range
     */
    public char inductionType() {
        return inductionType;
    }

    /** @return the induction variable's source name, or the name {@link LocalNames} gives its slot; null when none */
    public String inductionName() {
        return inductionName;
    }

    /** @return how many distinct edges leave the loop */
    public int exits() {
        return exits;
    }

    void nestIn(Loop outer) {
        parent = outer;
        outer.children.add(this);
    }

    void describe(int headerInsn, int line, int inductionVar, int step, char inductionType, String inductionName, int exits) {
        this.headerInsn = headerInsn;
        this.inductionType = inductionType;
        this.line = line;
        this.inductionVar = inductionVar;
        this.step = step;
        this.inductionName = inductionName;
        this.exits = exits;
    }

    /** @return {@code short}, {@code byte} or {@code char} for their descriptor */
    public static String narrowName(char descriptor) {
        return descriptor == 'S' ? "short" : descriptor == 'B' ? "byte" : descriptor == 'C' ? "char" : "int";
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("loop");
        if (line >= 0) {
            b.append(" at line ").append(line);
        }
        if (inductionName != null) {
            b.append(" over ").append(inductionType == 'I' ? "" : narrowName(inductionType) + " ").append(inductionName).append(step >= 0 ? " += " : " -= ").append(Math.abs(step));
        }
        b.append(" (depth ").append(depth()).append(", ").append(body.cardinality()).append(" blocks, ")
                .append(exits).append(exits == 1 ? " exit)" : " exits)");
        return b.toString();
    }
}
