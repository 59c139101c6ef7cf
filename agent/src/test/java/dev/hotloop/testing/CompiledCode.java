package dev.hotloop.testing;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What HotSpot holds as C2 code right now, read from the {@code Compiler.codelist} diagnostic
 * command (the platform's {@code DiagnosticCommand} MBean, present in product builds without any
 * flag). Each line of that listing is {@code compileId level state class.method(desc) [...]}; a
 * method counts as C2 code when it has an entry at level 4 in state 0 (in use, not made not
 * entrant by a deoptimization). The listing names classes, not their loaders: a test that checks
 * a class must be the only one in its JVM that defines a class of that name with those methods.
 */
public final class CompiledCode {

    /** The prefix of the outlined SIMD form of a tiered loop ({@code dev.hotloop.runtime.tier.Tiers.SIMD_METHOD}). */
    public static final String SIMD_PREFIX = "hotloop$simd$";

    /** The class that holds loop N's outlined forms is {@code Owner$hotloop$N}, a hidden class. */
    static final String FORMS_CLASS = dev.hotloop.runtime.tier.Tiers.FORMS_CLASS;
    /** What the JVM appends to a hidden class's name: {@code /0x} and an address. */
    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("/0x[0-9a-fA-F]+");
    private static final int C2_LEVEL = 4;
    private static final int IN_USE = 0;

    private CompiledCode() {
    }

    /** @return false under {@code -Xint}, where nothing is ever compiled */
    public static boolean jitEnabled() {
        return !System.getProperty("java.vm.info", "").contains("interpreted mode")
                && !ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
    }

    /** @return {@code class.method} of every method with C2 code in use now */
    public static Set<String> c2Methods() {
        Set<String> out = new HashSet<>();
        levels().forEach((m, level) -> {
            if (level == C2_LEVEL) {
                out.add(m);
            }
        });
        return out;
    }

    /** @return {@code class.method} of every method with compiled code in use now, with its highest level (1 to 4) */
    public static Map<String, Integer> levels() {
        Map<String, Integer> out = new HashMap<>();
        for (String line : codelist().split("\n")) {
            String[] f = line.trim().split(" ", 4);
            if (f.length == 4 && isInt(f[1]) && isInt(f[2]) && Integer.parseInt(f[2]) == IN_USE) {
                String method = HIDDEN_SUFFIX.matcher(f[3]).replaceAll("");
                int paren = method.indexOf('(');
                out.merge(paren < 0 ? method : method.substring(0, paren), Integer.parseInt(f[1]), Math::max);
            }
        }
        return out;
    }

    /**
     * @param classFile a rewritten class
     * @param method    the name of one of its methods
     * @return the outlined SIMD methods that method calls, as {@code class.method}; empty when its loops stayed scalar
     */
    public static List<String> simdMethodsCalledBy(byte[] classFile, String method) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        Set<String> out = new java.util.LinkedHashSet<>();
        for (MethodNode m : node.methods) {
            if (!m.name.equals(method)) {
                continue;
            }
            for (AbstractInsnNode i : m.instructions) {
                if (i instanceof MethodInsnNode call && call.owner.equals(node.name) && call.name.startsWith(SIMD_PREFIX)) {
                    out.add(node.name.replace('/', '.') + "." + call.name);
                } else if (i instanceof InvokeDynamicInsnNode call && call.name.startsWith(SIMD_PREFIX)) {
                    // in the hidden class of the loop's forms, Owner$hotloop$N (its name's /0x... suffix dropped)
                    out.add(node.name.replace('/', '.') + FORMS_CLASS + call.bsmArgs[0] + "." + call.name);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String codelist() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the Compiler.codelist diagnostic command failed: " + e
                    + "; C2 compilation cannot be checked on this JVM", e);
        }
    }

    private static boolean isInt(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
