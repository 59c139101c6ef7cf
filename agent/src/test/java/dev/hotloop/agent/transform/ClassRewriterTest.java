package dev.hotloop.agent.transform;

import static dev.hotloop.agent.transform.ClassVerification.assertVerifies;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.targets.AbstractTarget;
import dev.hotloop.agent.targets.AnnotatedTarget;
import dev.hotloop.agent.targets.ConstructorLoopTarget;
import dev.hotloop.agent.targets.CopiedMethodsTarget;
import dev.hotloop.agent.targets.DescriptorInStringTarget;
import dev.hotloop.agent.targets.LoopShapes;
import dev.hotloop.agent.targets.PlanTargets;
import dev.hotloop.agent.targets.TypeUseOnlyTarget;
import dev.hotloop.runtime.Timings;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

class ClassRewriterTest {

    private static final ClassLoader LOADER = ClassRewriterTest.class.getClassLoader();

    @TempDir
    Path dir;

    private final FakeRuntimeLink link = new FakeRuntimeLink();

    private static AgentOptions options(String agentArgs) {
        return AgentOptions.parse(agentArgs, new Properties(), Map.of());
    }

    private TransformResult rewrite(String agentArgs, byte[] bytes) {
        AgentOptions o = options(agentArgs);
        return new ClassRewriter(o, new Planner(o, false), link).rewrite(LOADER, bytes);
    }

    private TransformResult rewrite(String agentArgs, Class<?> target) {
        return rewrite(agentArgs, ClassFiles.bytes(target));
    }

    /** The calls a method makes, as {@code Owner.name}, in code order. */
    private static List<String> calls(MethodNode m) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call) {
                out.add(call.owner.substring(call.owner.lastIndexOf('/') + 1) + "." + call.name);
            }
        }
        return out;
    }

    private static AbstractInsnNode firstOpcode(MethodNode m) {
        AbstractInsnNode insn = m.instructions.getFirst();
        while (insn.getOpcode() < 0) {
            insn = insn.getNext();
        }
        return insn;
    }

    @Test
    void unannotatedClassIsUnchanged() {
        assertSame(TransformResult.UNCHANGED, rewrite(null, LoopShapes.class));
        assertEquals(0, link.visibleCalls());
    }

    @Test
    void descriptorInAStringIsNoAnnotation() {
        assertSame(TransformResult.UNCHANGED, rewrite("strict=true", DescriptorInStringTarget.class));
    }

    @Test
    void annotatedMethodIsTimed() {
        TransformResult r = rewrite(null, AnnotatedTarget.class);
        assertNotNull(r.bytes());
        assertEquals(1, r.plans().size());
        assertEquals(1, r.ids().length);
        assertEquals(1, r.nanos().length);
        assertTrue(r.nanos()[0] >= 0);
        assertTrue(r.ids()[0] >= 0);
        assertEquals(List.of(keyOf("scale([FF)V")), link.keys());
        assertTrue(link.visibleCalls() >= 1, "the runtime is made visible before the first probe");
        assertTrue(Timings.stats(r.ids()[0]).key().endsWith(link.keys().get(0)));

        MethodNode scale = ClassFiles.method(ClassFiles.node(r.bytes()), "scale");
        assertEquals(List.of("Thread.currentThread", "Timings.start", "Timings.enterShared", "Timings.exit"), calls(scale),
                "the owner thread's count and start (the first call and one in 16), other threads', exit at return");
        assertTrue(scale.tryCatchBlocks.isEmpty(), "no handler: a call that throws is counted, not timed");
        assertVerifies(r.bytes(), LOADER);
    }

    @Test
    void aMethodTheRewriteLeftAloneIsCopiedWithItsOwnFrames() throws ReflectiveOperationException {
        byte[] original = ClassFiles.bytes(CopiedMethodsTarget.class);
        TransformResult r = rewrite(null, original);
        assertNotNull(r.bytes());
        String copied = frames(ClassFiles.method(ClassFiles.node(r.bytes()), "length"));
        // javac names an interface the two branches share (CharSequence or Serializable, by version);
        // a frame recomputed by ASM would hold their common superclass, Object
        assertFalse(copied.contains("[java/lang/Object]"), "javac's frame, not a recomputed one: " + copied);
        assertEquals(frames(ClassFiles.method(ClassFiles.node(original), "length")), copied);
        assertVerifies(r.bytes(), LOADER);
    }

    /** @return the method's stack-map frames as text */
    private static String frames(MethodNode m) {
        StringBuilder b = new StringBuilder();
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof org.objectweb.asm.tree.FrameNode f) {
                b.append(f.type).append(' ').append(f.local).append(' ').append(f.stack).append('\n');
            }
        }
        return b.toString();
    }

    private static String keyOf(String method) {
        return LOADER.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(LOADER))
                + "/dev/hotloop/agent/targets/AnnotatedTarget." + method;
    }

    @Test
    void reportOffWithoutStrictChangesNoByte() {
        TransformResult r = rewrite("report=off", AnnotatedTarget.class);
        assertNull(r.bytes());
        assertEquals(1, r.plans().size(), "the method is still planned and reported at load");
        assertEquals(-1, r.ids()[0]);
        assertEquals(0, link.visibleCalls());
        assertTrue(link.keys().isEmpty());
    }

    @Test
    void strictModeMakesTheMethodFailFirst() {
        TransformResult r = rewrite("report=off,strict=true", AnnotatedTarget.class);
        assertNotNull(r.bytes());
        assertEquals(-1, r.ids()[0]);
        MethodNode scale = ClassFiles.method(ClassFiles.node(r.bytes()), "scale");
        AbstractInsnNode first = firstOpcode(scale);
        assertTrue(first instanceof LdcInsnNode ldc && ldc.cst.equals(r.plans().get(0).reportLine()), "message first");
        assertEquals(List.of("Strict.fail"), calls(scale));
        assertEquals(1, link.visibleCalls(), "strict mode needs the runtime too");
        assertVerifies(r.bytes(), LOADER);
    }

    @Test
    void strictAndTimedCountsTheFailure() {
        TransformResult r = rewrite("strict=true", AnnotatedTarget.class);
        MethodNode scale = ClassFiles.method(ClassFiles.node(r.bytes()), "scale");
        assertEquals(List.of("Thread.currentThread", "Timings.start", "Timings.enterShared", "Strict.fail", "Timings.exit"), calls(scale),
                "counted first, then the failure");
        assertVerifies(r.bytes(), LOADER);
    }

    @Test
    void typeUseOnlyClassIsRewritten() {
        TransformResult r = rewrite("strict=true", TypeUseOnlyTarget.class);
        assertEquals(1, r.plans().size());
        assertTrue(r.plans().get(0).reportLine().startsWith("dev.hotloop.agent.targets.TypeUseOnlyTarget.clear(int[]) line "));
        assertVerifies(r.bytes(), LOADER);
    }

    @Test
    void everyAnnotatedMethodOfAClassIsPlannedAndVerifies() {
        TransformResult r = rewrite("strict=true", PlanTargets.class);
        List<AnnotatedMethod> annotated = AnnotationScanner.scan(ClassFiles.node(PlanTargets.class));
        assertEquals(annotated.size(), r.plans().size());
        for (int i = 0; i < annotated.size(); i++) {
            assertEquals(annotated.get(i).displayName(), r.plans().get(i).method().displayName());
            assertTrue(r.ids()[i] >= 0);
        }
        assertEquals(annotated.size(), link.keys().stream().distinct().count(), "one timing key per method");
        assertVerifies(r.bytes(), LOADER);
    }

    @Test
    void dumpWritesTheRewrittenClassFile() throws IOException {
        Path dump = dir.resolve("dump");
        TransformResult r = rewrite("dump=" + dump, AnnotatedTarget.class);
        Path file = dump.resolve("dev/hotloop/agent/targets/AnnotatedTarget.class");
        assertArrayEquals(r.bytes(), Files.readAllBytes(file));
    }

    @Test
    void dumpWritesThePlansBesideTheClassFile() throws IOException {
        Path dump = dir.resolve("dump");
        TransformResult r = rewrite("dump=" + dump, AnnotatedTarget.class);
        StringBuilder expected = new StringBuilder();
        for (MethodPlan p : r.plans()) {
            expected.append(p.describe()).append('\n');
        }
        String written = Files.readString(dump.resolve("dev/hotloop/agent/targets/AnnotatedTarget.plan.txt"));
        assertEquals(expected.toString(), written);
        assertTrue(written.startsWith(r.plans().get(0).method().displayName() + "\n  line "), written);
    }

    @Test
    void dumpWritesNothingWhenNothingChanged() {
        Path dump = dir.resolve("dump");
        rewrite("report=off,dump=" + dump, AnnotatedTarget.class);
        assertFalse(Files.exists(dump));
    }

    @Test
    void unwritableDumpNeverCostsTheRewrite() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        TransformResult r = rewrite("dump=" + blocker.resolve("dump"), AnnotatedTarget.class);
        assertNotNull(r.bytes(), "the class lost its rewrite because its dump could not be written");
    }

    @Test
    void abstractAndNativeMethodsAreReportedNotRewritten() {
        TransformResult r = rewrite("strict=true", AbstractTarget.class);
        assertEquals(3, r.plans().size());
        for (int i = 0; i < 3; i++) {
            MethodPlan p = r.plans().get(i);
            boolean withoutCode = !p.method().method().name.equals("negate");
            assertEquals(withoutCode, p.reportLine().contains("on an abstract or native method"), p.reportLine());
            assertEquals(withoutCode, r.ids()[i] < 0, "only methods with code are timed");
        }
        ClassNode out = ClassFiles.node(r.bytes());
        MethodNode scale = ClassFiles.method(out, "scale");
        MethodNode nativeScale = ClassFiles.method(out, "nativeScale");
        assertEquals(0, scale.instructions.size());
        assertTrue((scale.access & Opcodes.ACC_ABSTRACT) != 0);
        assertEquals(0, nativeScale.instructions.size());
        assertTrue((nativeScale.access & Opcodes.ACC_NATIVE) != 0);
        assertVerifies(r.bytes(), LOADER);
    }

    @Test
    void classWithOnlyAbstractAnnotatedMethodsIsLeftAlone() {
        // The class file keeps its bytes: nothing with code was annotated.
        ClassNode cls = ClassFiles.node(AbstractTarget.class);
        cls.methods.removeIf(m -> m.name.equals("negate"));
        ClassWriter cw = new ClassWriter(0);
        cls.accept(cw);
        TransformResult r = rewrite("strict=true", cw.toByteArray());
        assertNull(r.bytes());
        assertEquals(2, r.plans().size());
    }

    @Test
    void constructorAndStaticInitialiserLoopsAreTimedAndTheClassRuns() throws ReflectiveOperationException {
        TransformResult r = rewrite(null, ConstructorLoopTarget.class);
        assertEquals(2, r.plans().size());
        assertVerifies(r.bytes(), LOADER);
        // The JVM's verifier is stricter than ASM's about constructors: define the class and run it.
        Class<?> c = new SingleClassLoader(LOADER, ConstructorLoopTarget.class.getName(), r.bytes())
                .loadClass(ConstructorLoopTarget.class.getName());
        Object o = c.getConstructor(float[].class).newInstance((Object) new float[] {1.5f, -2f});
        Method values = c.getMethod("values");
        assertArrayEquals(new float[] {3f, -4f}, (float[]) values.invoke(o));
        for (int id : r.ids()) {
            assertEquals(1, Timings.stats(id).snapshot().calls());
        }
    }

    @Test
    void probesThatOverflowTheCodeSizeLimitFailTheRewrite() {
        byte[] bytes = GeneratedClasses.nearlyTooLarge("gen/Huge");
        MethodTooLargeException e = assertThrows(MethodTooLargeException.class, () -> rewrite(null, bytes));
        assertEquals("run", e.getMethodName());
        assertTrue(e.getCodeSize() > 65_535);
        assertNull(rewrite("report=off", bytes).bytes(), "without probes the method fits, and is left alone");
    }

    @Test
    void unanalysableMethodIsReportedWhenNothingIsAdded() {
        TransformResult r = rewrite("report=off", GeneratedClasses.annotatedMalformed("gen/Broken"));
        assertNull(r.bytes());
        assertTrue(r.plans().get(0).reportLine().startsWith("gen.Broken.broken(): not rewritten: the bytecode could not be analysed ("),
                r.plans().get(0).reportLine());
    }

    @Test
    void probesInAnUnverifiableMethodAreRefusedBeforeTheJvmSeesThem() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rewrite(null, GeneratedClasses.annotatedMalformed("gen/Broken")));
        assertTrue(e.getMessage().startsWith("rewritten broken()I fails verification: "), e.getMessage());
    }

    @Test
    void timingKeyNamesLoaderClassAndMethod() {
        AnnotatedMethod m = AnnotationScanner.scan(ClassFiles.node(AnnotatedTarget.class)).get(0);
        assertEquals("boot/dev/hotloop/agent/targets/AnnotatedTarget.scale([FF)V", ClassRewriter.key(null, m));
        assertEquals(keyOf("scale([FF)V"), ClassRewriter.key(LOADER, m));
    }

    /** Defines one class from given bytes and delegates everything else. */
    static final class SingleClassLoader extends ClassLoader {

        private final String name;
        private final byte[] bytes;

        SingleClassLoader(ClassLoader parent, String name, byte[] bytes) {
            super(parent);
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
            if (!n.equals(name)) {
                return super.loadClass(n, resolve);
            }
            synchronized (getClassLoadingLock(n)) {
                Class<?> c = findLoadedClass(n);
                return c != null ? c : defineClass(n, bytes, 0, bytes.length);
            }
        }
    }
}
