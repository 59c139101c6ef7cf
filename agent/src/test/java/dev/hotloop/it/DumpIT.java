package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.KernelsApp;
import dev.hotloop.it.apps.StrictApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * {@code dump=DIR} writes each rewritten class file under DIR, and only those; each passes ASM's
 * {@link CheckClassAdapter} verifier and calls the runtime in every annotated method.
 */
class DumpIT {

    private static final String TIMINGS = "dev/hotloop/runtime/Timings";
    private static final String STRICT = "dev/hotloop/runtime/Strict";

    @TempDir
    Path tmp;

    @Test
    void rewrittenClassesAreDumpedAndVerify() throws IOException {
        Path dump = tmp.resolve("dump");
        ChildResult r = ChildJvm.app(KernelsApp.class).withAgent("dump=" + dump).run();
        assertEquals(0, r.exitCode(), r::describe);
        Path file = dump.resolve(KernelsApp.class.getName().replace('.', '/') + ".class");
        Path plans = dump.resolve(KernelsApp.class.getName().replace('.', '/') + ".plan.txt");
        assertEquals(List.of(file, plans), files(dump), r::describe);
        assertTrue(Files.readString(plans).startsWith(KernelsApp.class.getName() + "."), r::describe);
        byte[] bytes = Files.readAllBytes(file);
        assertVerifies(bytes);
        assertEquals(KernelsMethods.names(), methodsCalling(bytes, TIMINGS), r::describe);
    }

    @Test
    void strictGuardDumpVerifies() throws IOException {
        Path dump = tmp.resolve("dump");
        ChildResult r = ChildJvm.app(StrictApp.class).withAgent("strict=true,report=off,dump=" + dump).run();
        assertEquals(0, r.exitCode(), r::describe);
        Path file = dump.resolve(StrictApp.class.getName().replace('.', '/') + ".class");
        Path plans = dump.resolve(StrictApp.class.getName().replace('.', '/') + ".plan.txt");
        assertEquals(List.of(file, plans), files(dump), r::describe);
        assertTrue(Files.readString(plans).startsWith(StrictApp.class.getName() + "."), r::describe);
        byte[] bytes = Files.readAllBytes(file);
        assertVerifies(bytes);
        assertEquals(List.of(StrictApp.class.getName() + ".prefix(long[])"), methodsCalling(bytes, STRICT), r::describe);
        assertEquals(List.of(), methodsCalling(bytes, TIMINGS), () -> "report=off adds no probes" + r.describe());
    }

    private static void assertVerifies(byte[] bytes) {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), DumpIT.class.getClassLoader(), false, new PrintWriter(problems));
        assertEquals("", problems.toString(), "CheckClassAdapter.verify");
    }

    /** @return display names, in declaration order, of the methods that call a class */
    private static List<String> methodsCalling(byte[] bytes, String owner) {
        ClassNode cls = new ClassNode();
        new ClassReader(bytes).accept(cls, 0);
        List<String> out = new ArrayList<>();
        for (MethodNode m : cls.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call && call.owner.equals(owner)) {
                    out.add(cls.name.replace('/', '.') + "." + m.name + params(m.desc));
                    break;
                }
            }
        }
        return out;
    }

    private static String params(String desc) {
        return Stream.of(org.objectweb.asm.Type.getArgumentTypes(desc)).map(org.objectweb.asm.Type::getClassName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }
}
