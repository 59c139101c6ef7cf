package dev.hotloop.agent.transform;

import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} that computes the common supertype of two classes, which stack-map frames
 * need, from class files read through Byte Buddy's {@link TypePool}, never by loading a class:
 * loading an application class from inside a transformer can initialise it too early, deadlock,
 * or recurse into the transformer.
 */
final class TypePoolClassWriter extends ClassWriter {

    private static final String OBJECT = "java/lang/Object";

    private final ClassLoader loader;
    private TypePool pool;

    TypePoolClassWriter(int flags, ClassLoader loader) {
        super(flags);
        this.loader = loader;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        if (type1.equals(type2)) {
            return type1;
        }
        if (type1.equals(OBJECT) || type2.equals(OBJECT)) {
            return OBJECT;
        }
        TypeDescription a = describe(type1);
        TypeDescription b = describe(type2);
        if (a.isAssignableFrom(b)) {
            return type1;
        }
        if (b.isAssignableFrom(a)) {
            return type2;
        }
        if (a.isInterface() || b.isInterface()) {
            return OBJECT;
        }
        for (TypeDefinition s = a.getSuperClass(); s != null; s = s.getSuperClass()) {
            TypeDescription erased = s.asErasure();
            if (erased.isAssignableFrom(b)) {
                return erased.getInternalName();
            }
        }
        return OBJECT;
    }

    private TypeDescription describe(String internalName) {
        if (pool == null) {
            ClassFileLocator locator = loader == null
                    ? ClassFileLocator.ForClassLoader.ofBootLoader()
                    : new ClassFileLocator.Compound(ClassFileLocator.ForClassLoader.of(loader),
                            ClassFileLocator.ForClassLoader.ofSystemLoader());
            pool = TypePool.Default.of(locator);
        }
        TypePool.Resolution r = pool.describe(internalName.replace('/', '.'));
        if (!r.isResolved()) {
            throw new IllegalStateException("cannot compute stack-map frames: class file of " + internalName.replace('/', '.')
                    + " not found through the class loader");
        }
        return r.resolve();
    }
}
