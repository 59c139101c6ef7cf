package dev.hotloop.agent.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.plan.Refusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeSizeTest {

    private static final Expr X = new Expr.Var(1, Kind.INT, "x");

    /** {@code x + x}, then that plus itself, {@code levels} times: 2^(levels+1) - 1 nodes as a tree. */
    private static Expr doubling(int levels) {
        Expr e = X;
        for (int k = 0; k < levels; k++) {
            e = new Expr.Binary(Op.ADD, Kind.INT, e, e);
        }
        return e;
    }

    @Test
    void countsSharedOperandsOncePerUseAsATreeDoes() {
        assertEquals(1, new TreeSize().of(X));
        assertEquals(7, new TreeSize().of(doubling(2)));
        assertEquals((1 << 15) - 1, new TreeSize().of(doubling(14)));
    }

    @Test
    void saturatesAtTheLimitWithoutWalkingTheTree() {
        // 2^61 nodes as a tree, 61 as a DAG: counted in as many steps as the DAG has nodes
        int size = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new TreeSize().of(doubling(60)));
        assertEquals(TreeSize.LIMIT + 1, size);
    }

    @Test
    void aStateHoldingATreePastTheLimitIsRefusedWithTheFix() throws Refusal {
        SymState small = new SymState(Simplify.TRUE, new HashMap<>(), new ArrayList<>(List.of(doubling(10))));
        new TreeSize().check(small);
        SymState large = new SymState(Simplify.TRUE, new HashMap<>(java.util.Map.of(2, doubling(20))), new ArrayList<>());
        Refusal r = assertThrows(Refusal.class, () -> new TreeSize().check(large));
        assertTrue(r.getMessage().endsWith("split the loop into smaller loops"), r.getMessage());
    }

    @Test
    void briefQuotesShortExpressionsWholeAndCutsLongOnes() {
        assertEquals("x", Refusal.brief(X));
        String cut = Refusal.brief(doubling(12));
        assertEquals(80, cut.length());
        assertTrue(cut.endsWith("..."), cut);
    }
}
