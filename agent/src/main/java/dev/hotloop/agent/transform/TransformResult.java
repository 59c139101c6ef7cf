package dev.hotloop.agent.transform;

import dev.hotloop.agent.plan.MethodPlan;
import java.util.List;

/**
 * The outcome of transforming one class.
 *
 * @param bytes  the new class file, or null to keep the original
 * @param plans  one per annotated method
 * @param nanos  time spent per plan, same order
 * @param ids    timing id per plan, same order, -1 where the method is not timed
 */
public record TransformResult(byte[] bytes, List<MethodPlan> plans, long[] nanos, int[] ids) {

    static final TransformResult UNCHANGED = new TransformResult(null, List.of(), new long[0], new int[0]);
}
