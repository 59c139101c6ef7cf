package dev.hotloop.reliability;

import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.MethodPlan;
import dev.hotloop.agent.transform.ClassRewriter;
import dev.hotloop.agent.transform.TransformResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Runs the agent's rewriter over every class of a {@link Library} with every method annotated
 * ({@link AsIfAnnotated}), then checks each rewritten class with ASM's verifier (hierarchy from
 * class-file headers) and, outside the JDK, defines and links it in an isolated loader. Counts
 * what it saw; every failure is kept with its class and message.
 */
final class LibraryScan {

    /** What one scan saw. */
    static final class Report {
        final String library;
        int classes;
        int methods;
        int loops;
        int rewritten;
        int refused;
        int changed;
        int linked;
        int unlinkable;
        long millis;
        final Map<String, Integer> refusals = new TreeMap<>();
        final Map<String, Integer> rewrites = new TreeMap<>();
        /** Classes the rewriter gave up on for a reason the agent reports by design (a method over 64 KiB). */
        final List<String> tooLarge = new ArrayList<>();
        /** Classes the rewriter threw on otherwise: each one a bug. */
        final List<String> transformErrors = new ArrayList<>();
        final List<String> verifyErrors = new ArrayList<>();
        final List<String> loadErrors = new ArrayList<>();

        Report(String library) {
            this.library = library;
        }

        List<String> failures() {
            List<String> out = new ArrayList<>(transformErrors);
            out.addAll(verifyErrors);
            out.addAll(loadErrors);
            return out;
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%s: %d classes, %d methods with code, %d loops targeted; rewritten %d, refused %d; "
                            + "%d classes changed, %d linked (%d need absent dependencies); %d over 64 KiB after probes; "
                            + "%d transform errors, %d verify errors, %d load errors; %.1f s%n",
                    library, classes, methods, loops, rewritten, refused, changed, linked, unlinkable, tooLarge.size(),
                    transformErrors.size(), verifyErrors.size(), loadErrors.size(), millis / 1000.0));
            rewrites.forEach((k, v) -> b.append(String.format("  rewritten %7d  %s%n", v, k)));
            refusals.forEach((k, v) -> b.append(String.format("  refused   %7d  %s%n", v, k)));
            failures().stream().limit(20).forEach(f -> b.append("  FAILURE ").append(f).append('\n'));
            return b.toString();
        }
    }

    private LibraryScan() {
    }

    /**
     * @param library  the classes
     * @param rewriter the agent's rewriter
     * @param parallel whether to add {@code @Parallel} to every method too
     * @param sample   scan one class in {@code sample} (1: all)
     */
    static Report scan(Library library, ClassRewriter rewriter, boolean parallel, int sample) {
        long start = System.nanoTime();
        Report r = new Report(library.name());
        ClassHeaders headers = new ClassHeaders(library::classFile);
        Map<String, byte[]> rewritten = new HashMap<>();
        LibraryLoader loader = new LibraryLoader(LibraryScan.class.getClassLoader(), library, rewritten);
        int k = 0;
        for (Map.Entry<String, byte[]> e : library.classes().entrySet()) {
            if (k++ % sample != 0) {
                continue;
            }
            r.classes++;
            String name = e.getKey();
            TransformResult result;
            try {
                result = rewriter.rewrite(loader, AsIfAnnotated.annotate(e.getValue(), parallel));
            } catch (MethodTooLargeException tooLarge) {
                r.tooLarge.add(name + "." + tooLarge.getMethodName());
                continue;
            } catch (Throwable t) {
                r.transformErrors.add(name + ": " + Differential.trace(t).lines().limit(4).toList());
                continue;
            }
            count(r, result.plans());
            if (result.bytes() == null) {
                continue;
            }
            r.changed++;
            String problem = verify(result.bytes(), headers);
            if (problem != null) {
                r.verifyErrors.add(name + ": " + problem);
                continue;
            }
            rewritten.put(name, result.bytes());
        }
        if (!library.jdk()) {
            for (String name : rewritten.keySet()) {
                link(r, loader, name);
            }
        }
        r.millis = (System.nanoTime() - start) / 1_000_000;
        return r;
    }

    private static void count(Report r, List<MethodPlan> plans) {
        for (MethodPlan p : plans) {
            r.methods++;
            Set<Object> loops = Collections.newSetFromMap(new IdentityHashMap<>());
            for (LoopDecision d : p.decisions()) {
                if (d.loop() == null) {
                    continue;
                }
                loops.add(d.loop());
                if (d.rewritten()) {
                    r.rewritten++;
                    r.rewrites.merge(d.annotation().kind() + ": " + FuzzStats.normalise(d.summary()), 1, Integer::sum);
                } else {
                    r.refused++;
                    r.refusals.merge(d.annotation().kind() + ": " + FuzzStats.normalise(d.summary()), 1, Integer::sum);
                }
            }
            r.loops += loops.size();
        }
    }

    /** @return the first method ASM's verifier rejects, with why, or null */
    static String verify(byte[] bytes, ClassHeaders headers) {
        ClassNode cls = new ClassNode();
        new ClassReader(bytes).accept(cls, ClassReader.SKIP_DEBUG);
        List<Type> interfaces = new ArrayList<>();
        for (String i : cls.interfaces) {
            interfaces.add(Type.getObjectType(i));
        }
        Type superType = cls.superName == null ? null : Type.getObjectType(cls.superName);
        boolean isInterface = (cls.access & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0;
        for (MethodNode m : cls.methods) {
            if (m.instructions.size() == 0) {
                continue;
            }
            HeaderVerifier v = new HeaderVerifier(headers, Type.getObjectType(cls.name), superType, interfaces, isInterface);
            try {
                new Analyzer<BasicValue>(v).analyze(cls.name, m);
            } catch (AnalyzerException e) {
                return m.name + m.desc + ": " + e.getMessage();
            }
        }
        return null;
    }

    private static void link(Report r, ClassLoader loader, String name) {
        try {
            // Reflection links the class first: the JVM verifies every method here.
            Class.forName(name.replace('/', '.'), false, loader).getDeclaredMethods();
            r.linked++;
        } catch (VerifyError | ClassFormatError e) {
            r.loadErrors.add(name + ": " + e);
        } catch (LinkageError | ClassNotFoundException | SecurityException e) {
            r.unlinkable++;
        }
    }
}
