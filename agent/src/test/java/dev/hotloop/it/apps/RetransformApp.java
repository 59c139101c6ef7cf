package dev.hotloop.it.apps;

import com.sun.tools.attach.VirtualMachine;

/**
 * Runs {@link Retransformed}, has the second agent ({@link RetransformingAgent}) retransform it,
 * and runs it again. With {@code attach JAR OPTIONS}, first attaches Hotloop to itself (the JVM
 * runs with {@code -Djdk.attach.allowAttachSelf=true}), as {@code java -jar hotloop-agent.jar PID}
 * does, before the class is loaded. Prints the results before and after, and {@code retransformed}.
 */
public final class RetransformApp {

    private RetransformApp() {
    }

    /**
     * @param args optionally {@code attach}, the agent jar and its options
     * @throws Exception on any failure, which fails the test
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("attach")) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
            try {
                vm.loadAgent(args[1], args[2]);
            } finally {
                vm.detach();
            }
        }
        Retransformed r = new Retransformed();
        System.out.println("before " + r.results());
        RetransformingAgent.retransform(Retransformed.class);
        System.out.println("after " + r.results());
        RetransformingAgent.retransform(Retransformed.class);
        System.out.println("again " + r.results());
        System.out.println("retransformed " + RetransformingAgent.SEEN.get());
    }
}
