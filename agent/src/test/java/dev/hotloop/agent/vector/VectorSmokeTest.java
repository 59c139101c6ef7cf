package dev.hotloop.agent.vector;

import dev.hotloop.agent.ClassFiles;
import dev.hotloop.agent.analysis.AnnotatedMethod;
import dev.hotloop.agent.analysis.AnnotationScanner;
import dev.hotloop.agent.analysis.Loop;
import dev.hotloop.agent.analysis.LoopFinder;
import dev.hotloop.agent.options.AgentOptions;
import dev.hotloop.agent.plan.LoopDecision;
import dev.hotloop.agent.plan.Planner;
import dev.hotloop.agent.targets.SimdTargets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;

class VectorSmokeTest {

    @Test
    void plans() throws Exception {
        ClassNode cls = ClassFiles.node(SimdTargets.class);
        for (AnnotatedMethod m : AnnotationScanner.scan(cls)) {
            List<Loop> loops = LoopFinder.find(cls.name, m.method());
            for (LoopDecision d : new Planner(AgentOptions.defaults(), true).plan(m, loops).decisions()) {
                System.out.println(m.method().name + ": " + d.summary());
            }
        }
    }
}
