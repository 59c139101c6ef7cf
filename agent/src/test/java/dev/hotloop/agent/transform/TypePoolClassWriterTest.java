package dev.hotloop.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.ClassWriter;

class TypePoolClassWriterTest {

    private static final String PREFIX = "dev/hotloop/agent/transform/TypePoolClassWriterTest$";

    /** Supertypes for the test, never loaded by the writer. */
    static class Base {
    }

    static final class Left extends Base {
    }

    static final class Right extends Base {
    }

    /** Serves class files but refuses to load anything of this test: the writer must only read bytes. */
    static final class RefusingLoader extends ClassLoader {

        RefusingLoader() {
            super(TypePoolClassWriterTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(TypePoolClassWriterTest.class.getName())) {
                throw new AssertionError("the writer loaded " + name);
            }
            return super.loadClass(name, resolve);
        }
    }

    private static String common(ClassLoader loader, String a, String b) {
        return new TypePoolClassWriter(ClassWriter.COMPUTE_FRAMES, loader).getCommonSuperClass(a, b);
    }

    @ParameterizedTest
    @CsvSource({
        "java/lang/String,                    java/lang/Integer,                   java/lang/Object",
        "java/lang/Integer,                   java/lang/Long,                      java/lang/Number",
        "java/util/ArrayList,                 java/util/LinkedList,                java/util/AbstractList",
        "java/util/List,                      java/util/ArrayList,                 java/util/List",
        "java/util/ArrayList,                 java/util/List,                      java/util/List",
        "java/lang/IllegalArgumentException,  java/lang/IllegalStateException,     java/lang/RuntimeException",
        "java/lang/Runnable,                  java/lang/String,                    java/lang/Object",
        "java/lang/String,                    java/lang/String,                    java/lang/String",
        "java/lang/Object,                    java/lang/String,                    java/lang/Object",
    })
    void jdkTypes(String a, String b, String expected) {
        assertEquals(expected, common(null, a, b), "boot loader");
        assertEquals(expected, common(new RefusingLoader(), a, b), "application loader");
    }

    @Test
    void applicationTypesAreReadNotLoaded() {
        RefusingLoader loader = new RefusingLoader();
        assertEquals(PREFIX + "Base", common(loader, PREFIX + "Left", PREFIX + "Right"));
        assertEquals(PREFIX + "Base", common(loader, PREFIX + "Base", PREFIX + "Right"));
        assertEquals("java/lang/Object", common(loader, PREFIX + "Left", "java/lang/String"));
    }

    @Test
    void missingClassFileIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> common(new RefusingLoader(), "com/acme/Missing", "java/lang/String"));
        assertTrue(e.getMessage().contains("class file of com.acme.Missing not found"), e.getMessage());
    }
}
