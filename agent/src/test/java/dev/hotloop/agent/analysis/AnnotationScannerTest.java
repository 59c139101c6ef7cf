package dev.hotloop.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.AbstractTarget;
import dev.hotloop.agent.targets.AnnotatedTarget;
import dev.hotloop.agent.targets.ConstructorLoopTarget;
import dev.hotloop.agent.targets.DescriptorInStringTarget;
import dev.hotloop.agent.targets.LoopShapes;
import dev.hotloop.agent.targets.PlanTargets;
import dev.hotloop.agent.targets.TypeUseOnlyTarget;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypeReference;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeAnnotationNode;

class AnnotationScannerTest {

    private static Map<String, AnnotatedMethod> scan(Class<?> cls) {
        return AnnotationScanner.scan(ClassFiles.node(cls)).stream()
                .collect(Collectors.toMap(m -> m.method().name, Function.identity()));
    }

    @Test
    void unannotatedClassesHaveNoAnnotatedMethods() {
        assertTrue(scan(LoopShapes.class).isEmpty());
        assertTrue(scan(DescriptorInStringTarget.class).isEmpty());
    }

    @Test
    void methodAnnotation() {
        Map<String, AnnotatedMethod> found = scan(AnnotatedTarget.class);
        assertEquals(List.of("scale"), List.copyOf(found.keySet()));
        AnnotatedMethod m = found.get("scale");
        assertEquals("dev/hotloop/agent/targets/AnnotatedTarget", m.owner());
        assertEquals(1, m.annotations().size());
        HotloopAnnotation a = m.annotations().get(0);
        assertEquals(HotloopAnnotation.Kind.VECTORIZE, a.kind());
        assertTrue(a.onMethod());
        assertTrue(a.ranges().isEmpty());
        assertEquals("@Vectorize", a.describe());
        assertTrue(m.has(HotloopAnnotation.Kind.VECTORIZE));
        assertFalse(m.has(HotloopAnnotation.Kind.PARALLEL));
        assertTrue(m.hasCode());
    }

    @Test
    void localVariableAnnotationCarriesItsSlotAndRange() {
        AnnotatedMethod m = scan(TypeUseOnlyTarget.class).get("clear");
        assertEquals(1, m.annotations().size());
        HotloopAnnotation a = m.annotations().get(0);
        assertEquals(HotloopAnnotation.Kind.PARALLEL, a.kind());
        assertFalse(a.onMethod());
        assertEquals(1, a.localIndex(), "slot 0 is the array parameter, slot 1 the loop index");
        assertEquals(1, a.ranges().size());
        int start = m.method().instructions.indexOf(a.ranges().get(0)[0]);
        int end = m.method().instructions.indexOf(a.ranges().get(0)[1]);
        assertTrue(0 < start && start < end);
    }

    @Test
    void attributesAreRead() {
        Map<String, AnnotatedMethod> found = scan(PlanTargets.class);
        HotloopAnnotation fast = found.get("secondLoopOnly").annotations().get(0);
        assertTrue(fast.fastMath());
        assertEquals("@Vectorize(fastMath = true)", fast.describe());
        HotloopAnnotation grain = found.get("firstLoopOnly").annotations().get(0);
        assertEquals(64, grain.grain());
        assertEquals(-1, grain.threads());
        assertEquals("@Parallel(grain = 64)", grain.describe());
        List<HotloopAnnotation> both = found.get("both").annotations();
        assertEquals(2, both.size());
        assertEquals("@Parallel(threads = 4, grain = 1024)", both.get(0).describe());
        assertEquals("@Vectorize(unroll = 2)", both.get(1).describe());
        assertEquals(2, both.get(1).unroll());
    }

    @Test
    void methodTypeAnnotationOnTheReturnTypeIsNotCountedTwice() {
        ClassNode cls = ClassFiles.node(PlanTargets.class);
        MethodNode nonVoid = ClassFiles.method(cls, "nonVoid");
        // javac does record the TYPE_USE annotation a second time, as a METHOD_RETURN type annotation...
        assertTrue(nonVoid.visibleTypeAnnotations != null && nonVoid.visibleTypeAnnotations.stream()
                .anyMatch(t -> t.desc.equals("Ldev/hotloop/Vectorize;")
                        && new TypeReference(t.typeRef).getSort() == TypeReference.METHOD_RETURN));
        // ...and the scanner reads it once.
        List<AnnotatedMethod> found = AnnotationScanner.scan(cls);
        AnnotatedMethod m = found.stream().filter(a -> a.method().name.equals("nonVoid")).findFirst().orElseThrow();
        assertEquals(1, m.annotations().size());
    }

    @Test
    void annotationOnAVariableThatDrivesNoLoopIsStillFound() {
        AnnotatedMethod m = scan(PlanTargets.class).get("variableDrivesNoLoop");
        assertEquals(1, m.annotations().size());
        assertFalse(m.annotations().get(0).onMethod());
    }

    @Test
    void constructorsAndStaticInitialisersCanHoldAnnotatedLoops() {
        Map<String, AnnotatedMethod> found = scan(ConstructorLoopTarget.class);
        assertEquals(Map.of("<init>", 1, "<clinit>", 1), found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().annotations().size())));
    }

    @Test
    void abstractAndNativeMethodsHaveNoCode() {
        Map<String, AnnotatedMethod> found = scan(AbstractTarget.class);
        assertEquals(3, found.size());
        assertFalse(found.get("scale").hasCode());
        assertFalse(found.get("nativeScale").hasCode());
        assertTrue(found.get("negate").hasCode());
    }

    @Test
    void displayNameUsesSimpleParameterTypes() {
        assertEquals("dev.hotloop.agent.targets.PlanTargets.mixed(int[],float,long[],String,double[][])",
                scan(PlanTargets.class).get("mixed").displayName());
        assertEquals("a.B.m()", AnnotatedMethod.displayName("a/B", "m", "()V"));
    }

    @Test
    void otherAnnotationsAndUnknownAttributesAreIgnored() {
        ClassNode cls = new ClassNode();
        cls.name = "gen/Future";
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        AnnotationNode future = new AnnotationNode("Ldev/hotloop/Vectorize;");
        future.visit("width", 512);
        future.visit("fastMath", Boolean.TRUE);
        AnnotationNode other = new AnnotationNode("Ljava/lang/Deprecated;");
        m.visibleAnnotations = List.of(other, future);
        m.visibleTypeAnnotations = List.of(new TypeAnnotationNode(
                TypeReference.newTypeReference(TypeReference.METHOD_RETURN).getValue(), null, "Ldev/hotloop/Parallel;"));
        cls.methods.add(m);
        List<AnnotatedMethod> found = AnnotationScanner.scan(cls);
        assertEquals(1, found.size());
        assertEquals(1, found.get(0).annotations().size());
        assertTrue(found.get(0).annotations().get(0).fastMath());
    }
}
