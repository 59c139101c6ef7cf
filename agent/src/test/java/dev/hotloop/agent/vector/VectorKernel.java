package dev.hotloop.agent.vector;

import dev.hotloop.Vectorize;
import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.targets.vector.BenchmarkKernels;
import dev.hotloop.agent.targets.vector.BitKernels;
import dev.hotloop.agent.targets.vector.BooleanKernels;
import dev.hotloop.agent.targets.vector.SearchKernels;
import dev.hotloop.agent.targets.vector.SelectionKernels;
import dev.hotloop.agent.targets.vector.CalleeKernels;
import dev.hotloop.agent.targets.vector.CharKernels;
import dev.hotloop.agent.targets.vector.DistanceKernels;
import dev.hotloop.agent.targets.vector.ExitKernels;
import dev.hotloop.agent.targets.vector.Expect;
import dev.hotloop.agent.targets.vector.FloatingConversionKernels;
import dev.hotloop.agent.targets.vector.GatherKernels;
import dev.hotloop.agent.targets.vector.IntegerKernels;
import dev.hotloop.agent.targets.vector.IntegralConversionKernels;
import dev.hotloop.agent.targets.vector.MapKernels;
import dev.hotloop.agent.targets.vector.MathKernels;
import dev.hotloop.agent.targets.vector.NestKernels;
import dev.hotloop.agent.targets.vector.OrderedReductionKernels;
import dev.hotloop.agent.targets.vector.ReductionKernels;
import dev.hotloop.agent.targets.vector.RefusedKernels;
import dev.hotloop.agent.targets.vector.SelectKernels;
import dev.hotloop.agent.targets.vector.StepKernels;
import dev.hotloop.agent.targets.vector.StrideKernels;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One kernel of {@code dev.hotloop.agent.targets.vector}: its method as compiled, what the agent
 * must make of it, and its parameter names (read from the class file's local variable table),
 * which say what each argument is (see that package's description).
 *
 * @param method     the kernel as javac compiled it
 * @param expect     what the agent must make of its loop
 * @param fastMath   whether it is annotated {@code @Vectorize(fastMath = true)}
 * @param paramNames its parameter names, in order
 */
record VectorKernel(Method method, Expect expect, boolean fastMath, List<String> paramNames) {

    /** Every class of target kernels. */
    static final List<Class<?>> CLASSES = List.of(
            MapKernels.class, ReductionKernels.class, SelectKernels.class, FloatingConversionKernels.class,
            IntegralConversionKernels.class, IntegerKernels.class, NestKernels.class, MathKernels.class,
            CalleeKernels.class, RefusedKernels.class, BenchmarkKernels.class, StrideKernels.class,
            CharKernels.class, BooleanKernels.class, OrderedReductionKernels.class, StepKernels.class, DistanceKernels.class,
            GatherKernels.class, BitKernels.class, SelectionKernels.class, SearchKernels.class, ExitKernels.class);

    /** @return every kernel, class by class, by name */
    static List<VectorKernel> all() {
        List<VectorKernel> out = new ArrayList<>();
        for (Class<?> cls : CLASSES) {
            ClassNode node = ClassFiles.node(cls);
            List<Method> methods = new ArrayList<>();
            for (Method m : cls.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Expect.class)) {
                    if (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())) {
                        throw new IllegalStateException(m + ": target kernels are public static");
                    }
                    methods.add(m);
                }
            }
            methods.sort(Comparator.comparing(Method::getName));
            for (Method m : methods) {
                out.add(new VectorKernel(m, m.getAnnotation(Expect.class), m.getAnnotation(Vectorize.class).fastMath(),
                        paramNames(node, m)));
            }
        }
        return out;
    }

    private static List<String> paramNames(ClassNode node, Method m) {
        String desc = Type.getMethodDescriptor(m);
        MethodNode mn = node.methods.stream()
                .filter(x -> x.name.equals(m.getName()) && x.desc.equals(desc))
                .findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        int slot = 0;
        for (Type t : Type.getArgumentTypes(desc)) {
            names.add(localName(mn, slot));
            slot += t.getSize();
        }
        return names;
    }

    private static String localName(MethodNode mn, int slot) {
        if (mn.localVariables != null) {
            for (LocalVariableNode v : mn.localVariables) {
                if (v.index == slot) {
                    return v.name;
                }
            }
        }
        throw new IllegalStateException(mn.name + ": no local variable table; compile the tests with -g");
    }

    /** @return the class that declares it, as compiled */
    Class<?> owner() {
        return method.getDeclaringClass();
    }

    /** @return its name, unique within its class */
    String name() {
        return method.getName();
    }

    /** @return {@code com.acme.Owner.name(float[],int)}, as reports print it */
    String displayName() {
        StringJoiner params = new StringJoiner(",", "(", ")");
        for (Class<?> p : method.getParameterTypes()) {
            params.add(p.getSimpleName());
        }
        return owner().getName() + "." + name() + params;
    }

    @Override
    public String toString() {
        return owner().getSimpleName() + "." + name();
    }
}
