package dev.hotloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.it.apps.KernelsApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's lines on standard error, with default options: one line per annotated method as its
 * class loads, naming class, method, argument types and the source line of each targeted loop;
 * and the exit table, one row per annotated method with its call count.
 */
class LoadTimeReportIT {

    /** {@code [hotloop] app.Cls.m(args) line N: what ...; line M: what ... (transform 1.2 ms)} */
    private static final Pattern LOAD_LINE = Pattern.compile(
            "\\[hotloop] (\\S+\\(.*?\\)) line (\\d+): (.+) \\(transform \\d+\\.\\d ms\\)");
    private static final Pattern MORE_LINES = Pattern.compile("; line (\\d+): ");

    private static ChildResult run;

    @BeforeAll
    static void runKernels() {
        run = ChildJvm.app(KernelsApp.class).withAgent().run();
        assertEquals(0, run.exitCode(), run::describe);
    }

    @Test
    void oneLoadLinePerAnnotatedMethodWithItsLoopLines() {
        List<String> lines = run.loadLines(KernelsApp.class);
        assertEquals(KernelsMethods.ALL.size(), lines.size(), () -> "load-time lines " + lines + run.describe());
        for (int i = 0; i < lines.size(); i++) {
            KernelsMethods.Method expected = KernelsMethods.ALL.get(i);
            String line = lines.get(i);
            Matcher m = LOAD_LINE.matcher(line);
            assertTrue(m.matches(), () -> "not a load-time line: " + line + run.describe());
            assertEquals(expected.name(), m.group(1), run::describe);
            List<Integer> reported = new ArrayList<>();
            reported.add(Integer.parseInt(m.group(2)));
            Matcher more = MORE_LINES.matcher(m.group(3));
            while (more.find()) {
                reported.add(Integer.parseInt(more.group(1)));
            }
            assertEquals(expected.lines(), reported, () -> "source lines of " + expected.name() + " in: " + line);
        }
    }

    @Test
    void everyLoadLineComesBeforeTheProgramEnds() {
        String err = run.stderr();
        int table = err.indexOf("[hotloop] exit report:");
        assertTrue(table > 0, run::describe);
        for (String line : run.loadLines(KernelsApp.class)) {
            assertTrue(err.indexOf(line) < table, () -> "load line after the exit table: " + line);
        }
    }

    @Test
    void exitTableHasOneRowPerMethodWithItsCalls() {
        Map<String, ExitTable.Row> rows = ExitTable.parse(run.stderr());
        assertEquals(KernelsMethods.names(), new ArrayList<>(rows.keySet()), run::describe);
        assertEquals(KernelsMethods.ALL.size(), ExitTable.announcedRows(run.stderr()), run::describe);
        for (KernelsMethods.Method m : KernelsMethods.ALL) {
            assertEquals(m.calls(), rows.get(m.name()).calls(), () -> "calls of " + m.name() + run.describe());
        }
    }

    @Test
    void noErrorsOrWarnings() {
        assertEquals(List.of(), run.errorLines(), run::describe);
        assertEquals(List.of(), run.warnLines(), run::describe);
        assertTrue(run.loadLines(KernelsApp.class).stream().noneMatch(l -> l.contains("jdk.incubator.vector")),
                run::describe);
    }
}
