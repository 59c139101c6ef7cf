package dev.hotloop.agent.transform;

import static dev.hotloop.agent.transform.ClassVerification.assertVerifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.cache.ClassCache;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.report.LoadTimeReporter;
import dev.hotloop.agent.report.MethodCatalog;
import dev.hotloop.agent.report.RecordingDiagnostics;
import dev.hotloop.agent.targets.vector.TieredKernels;
import dev.hotloop.runtime.tier.Tiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A tiered loop's SIMD form and scalar twin stay out of its class: the class calls the SIMD form
 * through an {@code invokedynamic}, and the forms are checked and written as a class of their own
 * only when first needed (the measurement, or the first SIMD call), so a class whose loops never run
 * long enough costs its loading thread none of that work. A class replayed from the cache makes its
 * forms by rewriting its original class file again, when first needed. Class files before Java 7,
 * which cannot hold an {@code invokedynamic}, keep the forms as members.
 */
class OutlinedFormsTest {

    private static final String KERNELS = "dev.hotloop.agent.targets.vector.TieredKernels";

    private static TransformResult rewrite(byte[] bytes) {
        AgentOptions o = AgentOptions.defaults();
        return new ClassRewriter(o, new Planner(o, true), new FakeRuntimeLink()).rewrite(OutlinedFormsTest.class.getClassLoader(), bytes);
    }

    private static Set<Integer> switches(ClassNode cls) {
        Set<Integer> loops = new TreeSet<>();
        cls.fields.stream().filter(f -> f.name.startsWith(Tiers.SWITCH_FIELD))
                .forEach(f -> loops.add(Integer.parseInt(f.name.substring(Tiers.SWITCH_FIELD.length()))));
        return loops;
    }

    private static int loopOf(ClassNode cls, String method) {
        for (AbstractInsnNode n : ClassFiles.method(cls, method).instructions) {
            if (n instanceof FieldInsnNode f && f.name.startsWith(Tiers.SWITCH_FIELD)) {
                return Integer.parseInt(f.name.substring(Tiers.SWITCH_FIELD.length()));
            }
        }
        throw new AssertionError(method + " reads no switch");
    }

    @Test
    void theClassHoldsNoFormAndCallsEachByInvokedynamic() {
        TransformResult r = rewrite(ClassFiles.bytes(TieredKernels.class));
        ClassNode cls = ClassFiles.node(r.bytes());
        Set<Integer> loops = switches(cls);
        assertEquals(6, loops.size(), "control: every kernel of the class is tiered");
        for (MethodNode m : cls.methods) {
            assertFalse(m.name.startsWith(Tiers.SIMD_METHOD) || m.name.startsWith(Tiers.SCALAR_METHOD), m.name);
        }
        List<Integer> linked = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            for (AbstractInsnNode n : m.instructions) {
                if (n instanceof InvokeDynamicInsnNode call) {
                    assertEquals("dev/hotloop/runtime/tier/Forms", call.bsm.getOwner());
                    assertEquals(Tiers.SIMD_METHOD + call.bsmArgs[0], call.name);
                    linked.add((Integer) call.bsmArgs[0]);
                }
                assertFalse(n instanceof MethodInsnNode c && c.name.startsWith(Tiers.SIMD_METHOD), m.name);
            }
        }
        assertEquals(loops, new TreeSet<>(linked), "one call site per loop");
        assertEquals(loops, ((LoopForms) r.forms()).loops());
        for (int loop : loops) {
            assertFalse(((LoopForms) r.forms()).written(loop), "nothing written while loading: loop " + loop);
        }
        assertVerifies(r.bytes(), OutlinedFormsTest.class.getClassLoader());
    }

    @Test
    void aLoopsFormsAreWrittenAndDefinedAtItsFirstSimdCallAndOnlyThen() throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader(AgentOptions.defaults()); // the SIMD form from the first call
        Class<?> kernels = loader.loadClass(KERNELS);
        TransformResult r = loader.result(KERNELS);
        LoopForms forms = (LoopForms) r.forms();
        ClassNode cls = ClassFiles.node(r.bytes());
        int sum = loopOf(cls, "sumInt");
        int select = loopOf(cls, "select");
        assertFalse(forms.written(sum));

        int[] a = new int[1031];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 7919 - 40_000;
        }
        assertEquals(TieredKernels.sumInt(a), kernels.getMethod("sumInt", int[].class).invoke(null, (Object) a));
        assertTrue(forms.written(sum), "written for the first SIMD call");
        assertFalse(forms.written(select), "another loop's forms are not");

        ClassNode written = ClassFiles.node(forms.classFile(sum));
        assertEquals(cls.name + LoopForms.SUFFIX + sum, written.name, "a class of their own, in the same package");
        assertEquals(Set.of(Tiers.SIMD_METHOD + sum, Tiers.SCALAR_METHOD + sum),
                Set.of(written.methods.get(0).name, written.methods.get(1).name));
        assertVerifies(forms.classFile(sum), OutlinedFormsTest.class.getClassLoader());
        assertNull(forms.classFile(99), "no loop 99");
    }

    @Test
    void aClassReplayedFromTheCacheMakesItsFormsAgainAtItsFirstSimdCall(@TempDir Path dir) throws Exception {
        // outside dev/hotloop/agent/, which the transformer never touches
        String name = "com/acme/TieredKernels";
        ClassWriter renamed = new ClassWriter(0);
        new ClassReader(ClassFiles.bytes(TieredKernels.class)).accept(
                new ClassRemapper(renamed, new SimpleRemapper(KERNELS.replace('.', '/'), name)), 0);
        byte[] original = renamed.toByteArray();
        Agent first = new Agent(dir);
        first.transformer.transform(null, new Defining(), name, null, null, original);
        assertTrue(first.cache.flush(10_000), "the entry is written");

        Agent second = new Agent(dir); // a later JVM: replays the entry
        Defining loader = new Defining();
        byte[] replayed = second.transformer.transform(null, loader, name, null, null, original);
        assertNotNull(replayed);
        assertFalse(second.rewriter.demanded(), "a replay rewrites nothing while the class loads");
        Tiers.configure(Tiers.Policy.SIMD, null); // the SIMD form from the first call
        Tiers.sampleAfter(0);
        Class<?> kernels = loader.define(name.replace('/', '.'), replayed);
        int[] a = new int[1031];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 7919 - 40_000;
        }
        assertEquals(TieredKernels.sumInt(a), kernels.getMethod("sumInt", int[].class).invoke(null, (Object) a),
                "the SIMD form, made by rewriting the original class file again");
    }

    /** One JVM's agent with a cache in a shared directory. */
    private static final class Agent {
        final DeferredRewriter rewriter;
        final CachedRewrites cache;
        final HotloopTransformer transformer;

        Agent(Path dir) {
            AgentOptions o = AgentOptions.defaults();
            FakeRuntimeLink link = new FakeRuntimeLink();
            RecordingDiagnostics diagnostics = new RecordingDiagnostics();
            rewriter = new DeferredRewriter(new ClassRewriter(o, new Planner(o, true), link));
            cache = new CachedRewrites(new ClassCache(dir.resolve("cache"), diagnostics), o, true, "9.9-test", link, diagnostics);
            transformer = new HotloopTransformer(rewriter, cache, new LoadTimeReporter(diagnostics, new MethodCatalog(), true),
                    "9.9-test");
        }
    }

    /** Defines the classes it is given; everything else from the test class path. */
    private static final class Defining extends ClassLoader {
        Defining() {
            super(OutlinedFormsTest.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Test
    void aClassFileBeforeJava7KeepsItsFormsAsMembers() {
        byte[] java6 = ClassFiles.bytes(TieredKernels.class);
        java6[6] = 0;
        java6[7] = (byte) Opcodes.V1_6;
        TransformResult r = rewrite(java6);
        ClassNode cls = ClassFiles.node(r.bytes());
        int sum = loopOf(cls, "sumInt");
        assertNull(r.forms());
        assertNotNull(ClassFiles.method(cls, Tiers.SIMD_METHOD + sum));
        assertNotNull(ClassFiles.method(cls, Tiers.SCALAR_METHOD + sum));
        boolean called = false;
        for (AbstractInsnNode n : ClassFiles.method(cls, "sumInt").instructions) {
            assertFalse(n instanceof InvokeDynamicInsnNode, "no invokedynamic in a Java 6 class file");
            called |= n instanceof MethodInsnNode c && c.owner.equals(cls.name) && c.name.equals(Tiers.SIMD_METHOD + sum);
        }
        assertTrue(called, "the SIMD form is called as a method of the class");
    }
}
