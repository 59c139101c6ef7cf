package dev.hotloop.agent.transform;

import dev.hotloop.agent.plan.OutlinedForms;
import dev.hotloop.runtime.tier.Tiers;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The outlined forms of one rewritten class's tiered loops, kept out of the class: per loop, the
 * SIMD form still to generate and its scalar twin, generated and written as a class file of their own
 * ({@code Owner$hotloop$N}, one per loop) only when asked: when the loop is first measured, on the
 * warm-up thread, or at the loop's first SIMD call. The thread that loads the class neither
 * generates, checks nor writes them.
 */
public final class LoopForms implements OutlinedForms, FormFiles {

    /** The name of the class holding loop {@code N}'s forms: {@code Owner$hotloop$N}, in the owner's package. */
    static final String SUFFIX = Tiers.FORMS_CLASS; // a compile-time constant: no runtime class loads here

    private final String owner;
    private final int version;
    private final ClassLoader loader;
    private final ClassDumper dumper;
    private final Map<Integer, Pending> methods = new TreeMap<>();
    private final Map<Integer, byte[]> files = new TreeMap<>();

    /**
     * @param owner   internal name of the rewritten class
     * @param version its class-file version, which the forms' classes get
     * @param loader  its defining loader, to compute frames without loading classes
     * @param dumper  where each written class file is also written ({@code dump=}), or null
     */
    LoopForms(String owner, int version, ClassLoader loader, ClassDumper dumper) {
        this.owner = owner;
        this.version = version;
        this.loader = loader;
        this.dumper = dumper;
    }

    @Override
    public synchronized void add(int loop, Supplier<MethodNode> simd, MethodNode scalar) {
        methods.put(loop, new Pending(simd, scalar));
    }

    /** A loop's forms before they are written: the SIMD form still to generate, and the twin. */
    private record Pending(Supplier<MethodNode> simd, MethodNode scalar) {
    }

    /** @return whether no loop has forms here */
    synchronized boolean isEmpty() {
        return methods.isEmpty() && files.isEmpty();
    }

    /** @return the numbers of the loops with forms here */
    synchronized Set<Integer> loops() {
        Set<Integer> all = new TreeSet<>(methods.keySet());
        all.addAll(files.keySet());
        return all;
    }

    /** Writes the class file at the first call. */
    @Override
    public synchronized byte[] classFile(int loop) {
        byte[] file = files.get(loop);
        if (file == null) {
            Pending m = methods.get(loop);
            if (m == null) {
                return null;
            }
            methods.remove(loop); // generated once: a form that fails stays failed
            file = write(loop, m.simd().get(), m.scalar());
            files.put(loop, file);
        }
        return file;
    }

    /** @return whether the class file of the loop's forms has been written (tests) */
    synchronized boolean written(int loop) {
        return files.containsKey(loop);
    }

    private byte[] write(int loop, MethodNode... forms) {
        ClassNode c = new ClassNode(ClassReaders.API);
        c.version = version;
        c.access = Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
        c.name = owner + SUFFIX + loop;
        c.superName = "java/lang/Object";
        for (MethodNode m : forms) {
            BytecodeCheck.verify(c.name, m);
            c.methods.add(m);
        }
        byte[] out = ClassReaders.write(c, loader);
        if (dumper != null) {
            dumper.dump(c.name, out);
        }
        return out;
    }
}
