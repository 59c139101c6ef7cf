package dev.hotloop.agent.transform;

import dev.hotloop.agent.options.AgentOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.IExecutionDataVisitor;
import org.jacoco.core.data.ISessionInfoVisitor;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;

/**
 * One JaCoCo runtime of its own, its {@link Instrumenter} (JaCoCo's agent, as it would run first),
 * and a loader of the test targets that defines what it instrumented: rewritten by Hotloop after
 * it, or not at all.
 */
public final class JacocoCoverage implements UnaryOperator<byte[]> {

    private final LoggerRuntime runtime = new LoggerRuntime();
    private final RuntimeData data = new RuntimeData();
    private final Instrumenter instrumenter = new Instrumenter(runtime);
    private final InstrumentingLoader loader;
    private final int classVersion;

    /** @param options Hotloop's options, or null for JaCoCo alone */
    public JacocoCoverage(AgentOptions options) throws Exception {
        this(options, 0);
    }

    /**
     * @param options      Hotloop's options, or null for JaCoCo alone
     * @param classVersion the class-file major version to give the targets before JaCoCo sees
     *                     them (52: JaCoCo reads its probe array with a static {@code $jacocoInit()}
     *                     call, not a dynamic constant), or 0 to leave it
     */
    public JacocoCoverage(AgentOptions options, int classVersion) throws Exception {
        this.classVersion = classVersion;
        runtime.startup(data);
        loader = new InstrumentingLoader(options, this);
    }

    public InstrumentingLoader loader() {
        return loader;
    }

    public void shutdown() {
        runtime.shutdown();
    }

    @Override
    public byte[] apply(byte[] bytes) {
        try {
            byte[] in = bytes;
            if (classVersion > 0) {
                in = bytes.clone();
                in[6] = (byte) (classVersion >> 8);
                in[7] = (byte) classVersion;
            }
            return instrumenter.instrument(in, "target");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a copy of the class's probes (none when it has none yet), and clears them */
    public boolean[] probes(String className) {
        Map<String, boolean[]> out = new HashMap<>();
        data.collect(new IExecutionDataVisitor() {
            @Override
            public void visitClassExecution(ExecutionData d) {
                out.put(d.getName(), d.getProbes().clone());
            }
        }, new ISessionInfoVisitor() {
            @Override
            public void visitSessionInfo(SessionInfo info) {
            }
        }, true);
        boolean[] p = out.get(className);
        return p == null ? new boolean[0] : p;
    }
}
