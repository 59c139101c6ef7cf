package dev.hotloop.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotloop.runtime.tier.TierRecord;
import dev.hotloop.testing.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a person sees it: rendered by headless Chromium, after its script ran. The
 * table holds one coloured row per method, the chart one bar per measured form, and a click on a
 * column header sorts the rows. A screenshot is left in {@code target/hotloop-report.png}.
 */
class HtmlReportInBrowserTest {

    @TempDir
    static Path dir;

    private static Chromium chromium;
    private static Path page;

    static final TierRecord DOT = new TierRecord("com.acme.Stats.dot(float[],float[]) line 42",
            "SIMD float x16, reduction +, unroll 4, fastMath", true, 70.1, 447.3, 1000, 156_000_000L, null);
    static final TierRecord NORM = new TierRecord("com.acme.Stats.norm(float[],float[],float[]) line 21",
            "SIMD float/double x8", false, 3_100, 960, 1000, 412_000_000L, null);

    /** @return five methods: rewritten and measured faster, kept (measured slower), refused twice, parallel */
    static List<ReportRow> rows() {
        List<TierRecord> tiers = List.of(DOT, NORM);
        return List.of(
                row("com.acme.Stats.dot(float[],float[])", 42, 120_000, 2_000_000, 95, tiers,
                        new LoopRecord(42, LoopRecord.VECTORIZE, true, DOT.summary(), null)),
                row("com.acme.Stats.norm(float[],float[],float[])", 21, 5_000, 1_500_000, 980, tiers,
                        new LoopRecord(21, LoopRecord.VECTORIZE, true, NORM.summary(), null)),
                row("com.acme.Stats.prefix(long[])", 57, 3, 80_000, 950, tiers,
                        new LoopRecord(57, LoopRecord.VECTORIZE, false,
                                "not vectorized: a[i] depends on a[i - 1] (loop-carried dependence)", RefusalCode.CARRIED_DEPENDENCE)),
                row("com.acme.Stats.mean(double[])", 63, 0, -1, -1, tiers,
                        new LoopRecord(63, LoopRecord.VECTORIZE, false, "kept scalar: a double sum must keep its order; add "
                                + "@Vectorize(fastMath = true) to allow reassociation", RefusalCode.ORDERED_REDUCTION)),
                row("com.acme.Images.shade(int[],int,int)", 12, 40, 9_000_000, 1_250_000, tiers,
                        new LoopRecord(12, LoopRecord.PARALLEL, true, "parallel loop over row: 16 threads, chunks of >= 8 iterations", null)));
    }

    private static ReportRow row(String method, int line, long calls, long first, double steady, List<TierRecord> tiers,
                                 LoopRecord loop) {
        return new ReportRow(method, line, loop.rewritten() ? loop.summary() : "not rewritten", method + " line " + line + ": "
                + loop.summary(), 400_000, calls, first, steady, calls == 0 ? 0 : first + steady * (calls - 1),
                LoopResult.join(method, List.of(loop), tiers));
    }

    @BeforeAll
    static void render() throws IOException {
        chromium = Chromium.require();
        RunContext context = new RunContext("0.1.0-SNAPSHOT", "OpenJDK 64-Bit Server VM 17.0.17+10", 16, true,
                RunContext.typed("enabled=true,vectorize=true,parallel=true,strict=false,threads=16,report=hotloop.html,"
                        + "log=info,cache=off"));
        page = dir.resolve("report.html");
        Files.writeString(page, HtmlFormat.format(context, rows(), List.of(DOT, NORM)), StandardCharsets.UTF_8);
    }

    private static String dom(String fragment) throws IOException {
        String dom = chromium.dumpDom(page.toUri() + fragment, dir);
        assertTrue(dom.contains("data-ready=\"true\""), "the page's script did not run:\n" + dom);
        return dom;
    }

    private static String methodsBody(String dom) {
        int start = dom.indexOf("<table id=\"methods\"");
        return dom.substring(dom.indexOf("<tbody>", start), dom.indexOf("</tbody>", start));
    }

    private static List<String> column(String body, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void tableShowsOneRowPerMethodColouredByOutcome() throws IOException {
        String body = methodsBody(dom(""));
        assertEquals(List.of("rewritten", "kept", "refused", "refused", "rewritten"), column(body, "<tr class=\"(\\w+)\">"));
        assertTrue(body.contains("<span class=\"code\">carried-dependence</span>"), body);
        assertTrue(body.contains("add @Vectorize(fastMath = true) to allow reassociation"), body);
        assertTrue(body.contains("6.38x"), "the measured speed-up: " + body);
    }

    @Test
    void chartDrawsBothFormsOfEachMeasuredLoop() throws IOException {
        String dom = dom("");
        String svg = dom.substring(dom.indexOf("<svg id=\"chart\""), dom.indexOf("</svg>"));
        assertEquals(List.of("original", "simd", "original", "simd"), column(svg, "<rect class=\"bar (\\w+)\""));
        assertEquals(List.of("447.3", "70.1", "960.0", "3100.0"), column(svg, "data-nanos=\"([0-9.]+)\""));
        assertTrue(svg.contains(">6.38x</text>") && svg.contains(">0.31x</text>"), svg);
    }

    @Test
    void clickingAHeaderSortsAndClickingAgainReverses() throws IOException {
        String dom = dom("#sort=-calls"); // the page clicks the header twice: ascending, then descending
        assertTrue(dom.contains("data-sorted=\"-calls\""), "sorted by the script: " + dom);
        assertEquals(List.of("com.acme.Stats.dot(float[],float[])", "com.acme.Stats.norm(float[],float[],float[])",
                "com.acme.Images.shade(int[],int,int)", "com.acme.Stats.prefix(long[])", "com.acme.Stats.mean(double[])"),
                column(methodsBody(dom).replace("<wbr>", ""), "<code>([^<]+)</code>"));
        String ascending = methodsBody(dom("#sort=steady"));
        assertEquals(List.of("com.acme.Stats.dot(float[],float[])", "com.acme.Stats.prefix(long[])",
                "com.acme.Stats.norm(float[],float[],float[])", "com.acme.Images.shade(int[],int,int)",
                "com.acme.Stats.mean(double[])"), column(ascending.replace("<wbr>", ""), "<code>([^<]+)</code>"), "never called sorts last");
    }

    @Test
    void screenshotRenders() throws IOException {
        Path png = Path.of("target", "hotloop-report.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium.screenshot(page.toUri().toString(), png, 1280, 1400, dir);
        assertTrue(Files.size(png) > 20_000, "a page with a table and a chart: " + Files.size(png) + " bytes");
    }
}
