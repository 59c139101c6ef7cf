package dev.hotloop.agent.vector;

import dev.hotloop.agent.plan.Refusal;
import dev.hotloop.agent.report.RefusalCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic machine state at one point of an iteration: the condition under which execution
 * reaches it, the locals assigned so far (the others still hold their value from the start of the
 * iteration), and the operand stack.
 */
final class SymState {

    Expr predicate;
    final Map<Integer, Expr> locals;
    final List<Expr> stack;

    SymState(Expr predicate, Map<Integer, Expr> locals, List<Expr> stack) {
        this.predicate = predicate;
        this.locals = locals;
        this.stack = stack;
    }

    SymState copy(Expr newPredicate) {
        return new SymState(newPredicate, new HashMap<>(locals), new ArrayList<>(stack));
    }

    void push(Expr e) {
        stack.add(e);
    }

    Expr pop() throws Refusal {
        if (stack.isEmpty()) {
            throw new Refusal(RefusalCode.LOOP_SHAPE, "the loop uses a value computed before it on the operand stack; this bytecode shape is not supported");
        }
        return stack.remove(stack.size() - 1);
    }

    Expr peek() throws Refusal {
        Expr e = pop();
        push(e);
        return e;
    }
}
