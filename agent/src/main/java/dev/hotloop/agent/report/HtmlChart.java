package dev.hotloop.agent.report;

import dev.hotloop.runtime.tier.TierRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report's chart, as inline SVG: for each measured SIMD loop, its time per call as the
 * original loop and as SIMD code, with the speed-up; when no loop was measured, each method's
 * steady time per call. Bars carry {@code data-} attributes with the raw figures.
 */
final class HtmlChart {

    private static final int WIDTH = 760;
    private static final int LABEL = 300;
    private static final int TAIL = 110;
    private static final int BAR = 14;

    private HtmlChart() {
    }

    static String svg(List<ReportRow> rows, List<TierRecord> tiers) {
        List<TierRecord> measured = new ArrayList<>();
        for (TierRecord t : tiers) {
            if (t.measured() && t.simdNanos() > 0 && t.scalarNanos() > 0) {
                measured.add(t);
            }
        }
        return measured.isEmpty() ? steady(rows) : measured(measured);
    }

    private static String measured(List<TierRecord> loops) {
        double max = 0;
        for (TierRecord t : loops) {
            max = Math.max(max, Math.max(t.simdNanos(), t.scalarNanos()));
        }
        int group = 2 * BAR + 14;
        int height = 34 + loops.size() * group;
        StringBuilder b = open("measured", height, "Time per call of each measured SIMD loop: original loop against SIMD code, both compiled");
        legend(b, "original loop", "original", "SIMD code", "simd");
        int y = 30;
        for (TierRecord t : loops) {
            label(b, site(t.site()), y + BAR);
            bar(b, "original", y, t.scalarNanos(), max, micros(t.scalarNanos()));
            bar(b, "simd", y + BAR + 2, t.simdNanos(), max, micros(t.simdNanos()));
            b.append(String.format(Locale.ROOT, "<text class=\"speedup %s\" x=\"%d\" y=\"%d\">%.2fx</text>\n",
                    t.simd() ? "won" : "lost", WIDTH - 6, y + BAR + 4, t.speedup()));
            y += group;
        }
        return b.append("</svg>\n").toString();
    }

    private static String steady(List<ReportRow> rows) {
        List<ReportRow> timed = new ArrayList<>();
        double max = 0;
        for (ReportRow r : rows) {
            if (r.steadyNanosPerCall() > 0) {
                timed.add(r);
                max = Math.max(max, r.steadyNanosPerCall());
            }
        }
        int group = BAR + 10;
        int height = 34 + Math.max(1, timed.size()) * group;
        StringBuilder b = open("steady", height, "Steady time per call of each annotated method (no SIMD loop was measured in this run)");
        legend(b, "steady time per call", "steady", null, null);
        int y = 30;
        if (timed.isEmpty()) {
            b.append("<text class=\"empty\" x=\"").append(LABEL).append("\" y=\"").append(y + BAR)
                    .append("\">no method was called more than once</text>\n");
        }
        for (ReportRow r : timed) {
            label(b, r.method(), y + BAR - 2);
            bar(b, "steady", y, r.steadyNanosPerCall(), max, Durations.format(r.steadyNanosPerCall()));
            y += group;
        }
        return b.append("</svg>\n").toString();
    }

    private static StringBuilder open(String kind, int height, String title) {
        return new StringBuilder().append("<svg id=\"chart\" class=\"chart ").append(kind)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\">\n<title>")
                .append(HtmlFormat.esc(title)).append("</title>\n");
    }

    private static void legend(StringBuilder b, String first, String firstClass, String second, String secondClass) {
        b.append("<rect class=\"key ").append(firstClass).append("\" x=\"").append(LABEL).append("\" y=\"6\" width=\"12\" height=\"12\"/>")
                .append("<text class=\"legend\" x=\"").append(LABEL + 18).append("\" y=\"16\">").append(first).append("</text>\n");
        if (second != null) {
            b.append("<rect class=\"key ").append(secondClass).append("\" x=\"").append(LABEL + 140)
                    .append("\" y=\"6\" width=\"12\" height=\"12\"/><text class=\"legend\" x=\"").append(LABEL + 158)
                    .append("\" y=\"16\">").append(second).append("</text>\n");
        }
    }

    private static void label(StringBuilder b, String text, int y) {
        String shown = text.length() > 46 ? "…" + text.substring(text.length() - 45) : text;
        b.append("<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y).append("\"><title>")
                .append(HtmlFormat.esc(text)).append("</title>").append(HtmlFormat.esc(shown)).append("</text>\n");
    }

    private static void bar(StringBuilder b, String cls, int y, double nanos, double max, String figure) {
        double w = Math.max(1, (WIDTH - LABEL - TAIL) * nanos / max);
        b.append(String.format(Locale.ROOT,
                "<rect class=\"bar %s\" data-nanos=\"%.1f\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\"/>"
                + "<text class=\"figure\" x=\"%.1f\" y=\"%d\">%s</text>\n",
                cls, nanos, LABEL, y, w, BAR, LABEL + w + 4, y + BAR - 3, HtmlFormat.esc(figure)));
    }

    /** @return {@code Stats.dot line 42} from {@code com.acme.Stats.dot(float[],float[]) line 42} */
    private static String site(String site) {
        int paren = site.indexOf('(');
        int close = site.lastIndexOf(')');
        if (paren < 0 || close < paren) {
            return site;
        }
        String name = site.substring(0, paren);
        int dot = name.lastIndexOf('.');
        int classDot = dot < 0 ? -1 : name.lastIndexOf('.', dot - 1);
        return name.substring(classDot + 1) + site.substring(close + 1);
    }

    private static String micros(double nanos) {
        return Durations.format(nanos);
    }
}
