package dev.hotloop.runtime.tier;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

/**
 * The outlined forms of tiered loops that are not in their class: the SIMD form
 * ({@code hotloop$simd$N}) and its scalar twin ({@code hotloop$scalar$N}) of loop N, in a hidden
 * class of their own, nestmate of the rewritten class, defined only when first needed: when the
 * loop is first measured, on the warm-up thread, or when the rewritten code first calls the SIMD
 * form through its {@code invokedynamic}, {@link #link}. A program whose loops never reach their
 * measurement never generates, checks or loads them.
 *
 * <p>The agent is the {@link Source} of the class files; it builds one when asked, off the thread
 * that loaded the rewritten class.
 */
public final class Forms {

    /** Where the class files of the forms come from: the agent, which made the rewrite. */
    public interface Source {

        /**
         * @param loader the rewritten class's defining loader (null for the bootstrap loader)
         * @param owner  its internal name
         * @param loop   the loop's number in it
         * @return the class file holding the loop's two outlined forms, named {@code owner$hotloop$loop}
         *     in the owner's package, or null when the agent has none
         */
        byte[] classFile(ClassLoader loader, String owner, int loop);
    }

    private static volatile Source source;

    /** Per rewritten class, the lookups of the form classes defined so far, by loop number. */
    private static final ClassValue<Map<Integer, MethodHandles.Lookup>> DEFINED = new ClassValue<>() {
        @Override
        protected Map<Integer, MethodHandles.Lookup> computeValue(Class<?> type) {
            return new HashMap<>();
        }
    };

    private Forms() {
    }

    /** @param s the class files' source; set by the agent before the first rewritten class is defined */
    public static void source(Source s) {
        source = s;
    }

    /**
     * @param host the rewritten class's full-privilege lookup
     * @param loop the loop's number
     * @return a full-privilege lookup on the class that holds the loop's outlined forms: the rewritten
     *     class itself where they are its members (class files before Java 7, parallel chunks), else
     *     the hidden class, defined on the first call
     * @throws ReflectiveOperationException when the agent has no form for the loop
     */
    static MethodHandles.Lookup of(MethodHandles.Lookup host, int loop) throws ReflectiveOperationException {
        Class<?> owner = host.lookupClass();
        if (declares(owner, Tiers.SIMD_METHOD + loop)) {
            return host;
        }
        Map<Integer, MethodHandles.Lookup> defined = DEFINED.get(owner);
        synchronized (defined) {
            MethodHandles.Lookup forms = defined.get(loop);
            if (forms == null) {
                Source s = source;
                String name = owner.getName().replace('.', '/');
                byte[] bytes = s == null ? null : s.classFile(owner.getClassLoader(), name, loop);
                if (bytes == null) {
                    throw new ClassNotFoundException("no outlined forms of loop " + loop + " of " + owner.getName());
                }
                forms = host.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
                defined.put(loop, forms);
            }
            return forms;
        }
    }

    /**
     * The bootstrap of the {@code invokedynamic} by which a rewritten method calls a loop's SIMD
     * form: linked once, at the first call, which the switch allows only once the form has been
     * measured faster (or under {@link Tiers.Policy#SIMD}).
     *
     * @param caller the rewritten class's lookup
     * @param name   the form's name, {@code hotloop$simd$N}
     * @param type   its type
     * @param loop   the loop's number
     * @return a constant call site of the form
     * @throws ReflectiveOperationException when the form cannot be defined or found
     */
    public static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, int loop)
            throws ReflectiveOperationException {
        MethodHandles.Lookup forms = of(caller, loop);
        return new ConstantCallSite(forms.findStatic(forms.lookupClass(), name, type));
    }

    private static boolean declares(Class<?> c, String method) {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                return true;
            }
        }
        return false;
    }
}
