package dev.hotloop.agent.attach;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

/** The JVMs that {@code jdk.attach} lists (those {@code jps} shows), where that module is present. */
final class AttachList {

    private AttachList() {
    }

    /**
     * @param pid a process id
     * @return whether a JVM this user can attach to has that id, or null when it cannot be told
     *     (no {@code jdk.attach} module, or the listing failed)
     */
    static Boolean lists(String pid) {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            return null;
        }
        try {
            for (VirtualMachineDescriptor d : VirtualMachine.list()) {
                if (d.id().equals(pid)) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
