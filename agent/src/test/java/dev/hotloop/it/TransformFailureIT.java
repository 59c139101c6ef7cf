package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.V17;

import dev.hotloop.it.apps.InvokeApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * A class the transformer cannot rewrite still loads and runs with its original bytes: here an
 * annotated method so close to the JVM's 64 KiB code limit that the timing probes overflow it.
 * The agent says so in one {@code [hotloop] ERROR} line and goes on rewriting other classes.
 */
class TransformFailureIT {

    private static final int CODE_LIMIT = 65535;
    /** The generated method's code size: below the limit by less than the probes add. */
    private static final int BIG_CODE = CODE_LIMIT - 12;
    private static final int ARG = 5;

    @TempDir
    Path classes;

    @Test
    void classTooBigToProbeLoadsUnchangedWithOneErrorLine() throws IOException {
        int iincs = write("gen/BigMethod", BIG_CODE);
        write("gen/SmallMethod", 0);
        String[] args = {"gen.BigMethod", "big", Integer.toString(ARG), "gen.SmallMethod", "big", Integer.toString(ARG)};
        long x = ARG + (long) iincs;
        List<String> expected = List.of("gen.BigMethod.big(5) = " + (int) (x * (x - 1) / 2),
                "gen.SmallMethod.big(5) = " + ARG * (ARG - 1) / 2);

        ChildResult plain = ChildJvm.app(InvokeApp.class, args).classpathFirst(classes).run();
        assertEquals(0, plain.exitCode(), plain::describe);
        assertEquals(expected, plain.stdout().lines().toList(), plain::describe);

        ChildResult r = ChildJvm.app(InvokeApp.class, args).classpathFirst(classes).withAgent().run();
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(expected, r.stdout().lines().toList(), r::describe);
        List<String> errors = r.errorLines();
        assertEquals(1, errors.size(), r::describe);
        String error = errors.get(0);
        assertTrue(error.startsWith("[hotloop] ERROR could not transform gen.BigMethod (hotloop "), r::describe);
        assertTrue(error.toLowerCase(Locale.ROOT).contains("too large") && error.contains("original bytes"), r::describe);
        // The failure is confined to that class: the next one is rewritten and counted.
        assertEquals(1, r.loadLines("gen.SmallMethod").size(), r::describe);
        Map<String, ExitTable.Row> rows = ExitTable.parse(r.stderr());
        assertEquals(List.of("gen.SmallMethod.big(int)"), List.copyOf(rows.keySet()), r::describe);
        assertEquals(1, rows.get("gen.SmallMethod.big(int)").calls(), r::describe);
    }

    /**
     * Writes {@code static int big(int x)}, annotated {@code @Vectorize}: {@code x += 1} as many
     * times as fit in {@code codeSize} bytes, then {@code s = 0; for (i = 0; i < x; i++) s += i;
     * return s}.
     *
     * @return how many times the method adds one to {@code x}
     */
    private int write(String internalName, int codeSize) throws IOException {
        int fixed = codeSize(generate(internalName, 0));
        int iincs = codeSize == 0 ? 0 : (codeSize - fixed) / 3;
        Generated g = generate(internalName, iincs);
        if (codeSize != 0) {
            assertTrue(codeSize(g) <= CODE_LIMIT && codeSize(g) > CODE_LIMIT - 20, "generated code size " + codeSize(g));
        }
        Path file = classes.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, g.bytes);
        return iincs;
    }

    private record Generated(byte[] bytes, Label end) {
    }

    private static int codeSize(Generated g) {
        return g.end.getOffset();
    }

    private static Generated generate(String internalName, int iincs) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "big", "(I)I", null, null);
        mv.visitAnnotation("Ldev/hotloop/Vectorize;", true).visitEnd();
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(10, start);
        for (int k = 0; k < iincs; k++) {
            mv.visitIincInsn(0, 1);
        }
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 2);
        Label cond = new Label();
        Label exit = new Label();
        mv.visitLabel(cond);
        mv.visitLineNumber(11, cond);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IF_ICMPGE, exit);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitIincInsn(2, 1);
        mv.visitJumpInsn(GOTO, cond);
        mv.visitLabel(exit);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitInsn(IRETURN);
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return new Generated(cw.toByteArray(), end);
    }
}
