package dev.hotloop.agent.transform;

import static dev.hotloop.agent.transform.ClassVerification.assertVerifies;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.targets.RestoreTarget;
import dev.hotloop.runtime.tier.Tiers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * A rewrite told which tiered loops settled on their original form (as on the retransformation
 * {@link OriginalRestorer} asks for) gives a method whose loops all settled its body as written,
 * keeps every member the first rewrite added, and leaves a method with an unsettled loop rewritten.
 */
class OriginalBodyTest {

    private static final ClassLoader LOADER = OriginalBodyTest.class.getClassLoader();
    private static final byte[] ORIGINAL = ClassFiles.bytes(RestoreTarget.class);

    private final FakeRuntimeLink link = new FakeRuntimeLink();

    private byte[] rewrite(String args, Set<Integer> restored) {
        return result(args, restored).bytes();
    }

    private TransformResult result(String args, Set<Integer> restored) {
        AgentOptions o = AgentOptions.parse(args, new Properties(), Map.of());
        return new ClassRewriter(o, new Planner(o, true), link).rewrite(LOADER, ORIGINAL, true, restored);
    }

    /** The loops of the class in the order the rewrite numbers them: saxpy, then twoLoops' two, then guarded. */
    private static int loopOf(byte[] rewritten, String method, int nth) {
        List<Integer> loops = new ArrayList<>();
        for (AbstractInsnNode n : ClassFiles.method(ClassFiles.node(rewritten), method).instructions) {
            if (n instanceof FieldInsnNode f && f.name.startsWith(Tiers.SWITCH_FIELD)) {
                loops.add(Integer.parseInt(f.name.substring(Tiers.SWITCH_FIELD.length())));
            }
        }
        return loops.stream().distinct().toList().get(nth);
    }

    /** The method's code as text, without the stack map frames and sizes the class writer recomputes. */
    private static String text(MethodNode m) {
        Textifier t = new Textifier();
        m.accept(new TraceMethodVisitor(t));
        StringWriter w = new StringWriter();
        t.print(new PrintWriter(w));
        return w.toString().lines().filter(l -> !l.strip().startsWith("FRAME") && !l.strip().startsWith("MAXSTACK"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String body(byte[] bytes, String method) {
        return text(ClassFiles.method(ClassFiles.node(bytes), method));
    }

    @Test
    void aMethodWhoseOnlyLoopSettledGetsItsOriginalBodyBackAndTheClassKeepsItsMembers() {
        TransformResult first = result("report=off", Set.of());
        byte[] tiered = first.bytes();
        int saxpy = loopOf(tiered, "saxpy", 0);
        assertNotEquals(body(ORIGINAL, "saxpy"), body(tiered, "saxpy"), "the first rewrite tiers the loop");

        TransformResult again = result("report=off", Set.of(saxpy));
        byte[] restored = again.bytes();
        assertEquals(body(ORIGINAL, "saxpy"), body(restored, "saxpy"));
        assertEquals(ClassFiles.members(tiered), ClassFiles.members(restored), "a retransformation keeps the class's schema");
        assertEquals(body(tiered, "twoLoops"), body(restored, "twoLoops"), "other methods keep their rewrite");
        assertArrayEquals(first.forms().classFile(saxpy), again.forms().classFile(saxpy), "the loop's outlined forms are made again");
        assertVerifies(restored, LOADER);
    }

    @Test
    void aMethodKeepsItsRewriteUntilAllItsLoopsSettled() {
        byte[] tiered = rewrite("report=off", Set.of());
        int first = loopOf(tiered, "twoLoops", 0);
        int second = loopOf(tiered, "twoLoops", 1);

        assertEquals(body(tiered, "twoLoops"), body(rewrite("report=off", Set.of(first)), "twoLoops"));
        assertEquals(body(tiered, "twoLoops"), body(rewrite("report=off", Set.of(second)), "twoLoops"));
        assertEquals(body(ORIGINAL, "twoLoops"), body(rewrite("report=off", Set.of(first, second)), "twoLoops"));
    }

    @Test
    void aRestoredBodyKeepsItsHandlersAndItsTimingProbes() {
        byte[] tiered = rewrite(null, Set.of());
        byte[] restored = rewrite(null, Set.of(loopOf(tiered, "guarded", 0)));
        MethodNode guarded = ClassFiles.method(ClassFiles.node(restored), "guarded");
        List<String> calls = new ArrayList<>();
        for (AbstractInsnNode n : guarded.instructions) {
            if (n instanceof MethodInsnNode c) {
                calls.add(c.owner.substring(c.owner.lastIndexOf('/') + 1) + "." + c.name);
            }
        }
        assertEquals(List.of("Thread.currentThread", "Timings.start", "Timings.enterShared", "Timings.exit", "Timings.exit"), calls,
                "the probes of the original body (its two returns), no switch and no SIMD call");
        MethodNode original = ClassFiles.method(ClassFiles.node(ORIGINAL), "guarded");
        assertEquals(1, original.tryCatchBlocks.size());
        assertEquals(original.tryCatchBlocks.size(), guarded.tryCatchBlocks.size(), "the original handler, back");
        assertEquals(ClassFiles.members(tiered), ClassFiles.members(restored));
        assertVerifies(restored, LOADER);
    }

    @Test
    void loopsOfOtherNumbersChangeNothing() {
        byte[] tiered = rewrite("report=off", Set.of());
        assertEquals(List.of(body(tiered, "saxpy"), body(tiered, "twoLoops"), body(tiered, "guarded")),
                List.of(body(rewrite("report=off", Set.of(99)), "saxpy"), body(rewrite("report=off", Set.of(99)), "twoLoops"),
                        body(rewrite("report=off", Set.of(99)), "guarded")));
        assertTrue(ClassFiles.members(tiered).stream().anyMatch(m -> m.contains(Tiers.SWITCH_FIELD)));
    }
}
