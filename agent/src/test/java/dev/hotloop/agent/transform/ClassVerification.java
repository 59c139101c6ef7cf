package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** ASM's data-flow verifier over whole class files, with a loader to resolve types. */
public final class ClassVerification {

    private ClassVerification() {
    }

    /**
     * @param bytes  a class file
     * @param loader resolves the types it names
     * @return what ASM's verifier printed: empty when every method verifies
     */
    static String problems(byte[] bytes, ClassLoader loader) {
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), loader, false, new PrintWriter(out));
        return out.toString();
    }

    /** Fails the test when ASM's verifier finds a problem in the class file. */
    public static void assertVerifies(byte[] bytes, ClassLoader loader) {
        assertEquals("", problems(bytes, loader), "rewritten class fails CheckClassAdapter.verify");
    }
}
