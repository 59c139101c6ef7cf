package dev.hotloop.agent.report;

import dev.hotloop.runtime.tier.TierRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report file as one self-contained HTML page (no network): the run's context, a chart
 * ({@link HtmlChart}), the refusals grouped by code with their fixes, and a table of the annotated
 * methods, coloured by outcome and sortable by any column (a few lines of inline script; a
 * {@code #sort=COLUMN} or {@code #sort=-COLUMN} fragment sorts on load, so that a link can keep an order).
 */
final class HtmlFormat {

    private static final String STYLE = """
            :root{--ok:#1a7f37;--ok-bg:#dafbe1;--kept:#9a6700;--kept-bg:#fff8c5;--no:#cf222e;--no-bg:#ffebe9;\
            --line:#d0d7de;--muted:#57606a;--head:#f6f8fa}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:24px 32px;max-width:1400px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
            .muted{color:var(--muted)}
            dl.context{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin:12px 0}
            dl.context dt{color:var(--muted)}dl.context dd{margin:0}
            .opt{display:inline-block;background:var(--head);border:1px solid var(--line);border-radius:4px;padding:0 5px;\
            margin:0 4px 2px 0;font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
            .totals span{margin-right:14px}
            .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
            .badge.rewritten{color:var(--ok);background:var(--ok-bg)}.badge.kept{color:var(--kept);background:var(--kept-bg)}
            .badge.refused{color:var(--no);background:var(--no-bg)}
            code,.code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
            .code{color:var(--no);white-space:nowrap}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid var(--line);padding:5px 8px;vertical-align:top;text-align:left}
            th{background:var(--head);position:sticky;top:0;white-space:nowrap}
            table.sortable th{cursor:pointer;user-select:none}
            table.sortable th:hover{background:#eaeef2}
            th[aria-sort=ascending]::after{content:" \\25B2";font-size:10px}
            th[aria-sort=descending]::after{content:" \\25BC";font-size:10px}
            td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            td.method{min-width:16em}
            tr.rewritten td:first-child{box-shadow:inset 4px 0 var(--ok)}tr.kept td:first-child{box-shadow:inset 4px 0 var(--kept)}
            tr.refused td:first-child{box-shadow:inset 4px 0 var(--no)}
            ul.loops{margin:0;padding:0;list-style:none}ul.loops li+li{margin-top:4px}
            .fix{color:var(--muted);font-size:12px}.fix::before{content:"fix: "}
            svg.chart{max-width:100%;height:auto;font:12px system-ui,sans-serif}
            svg .bar.original,svg .key.original{fill:#8c959f}svg .bar.simd,svg .key.simd{fill:#2da44e}
            svg .bar.steady,svg .key.steady{fill:#0969da}
            svg .label{text-anchor:end;fill:#1f2328}svg .figure,svg .legend{fill:#57606a}
            svg .speedup{text-anchor:end;font-weight:600}svg .speedup.won{fill:var(--ok)}svg .speedup.lost{fill:var(--kept)}
            """;

    private static final String SCRIPT = """
            (function () {
              var table = document.getElementById('methods');
              var body = table.tBodies[0];
              var heads = table.tHead.rows[0].cells;
              var state = {column: null, descending: false, rows: body.rows.length, sorts: 0};
              function key(row, c, numeric) {
                var cell = row.cells[c];
                var v = cell.getAttribute('data-v');
                if (numeric) { return v === null || v === '' ? null : parseFloat(v); }
                return (v !== null ? v : cell.textContent).toLowerCase();
              }
              function sort(c, descending) {
                var numeric = heads[c].getAttribute('data-type') === 'num';
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a, c, numeric), y = key(b, c, numeric);
                  if (x === y) { return 0; }
                  if (x === null) { return 1; }
                  if (y === null) { return -1; }
                  return (x < y ? -1 : 1) * (descending ? -1 : 1);
                });
                rows.forEach(function (r) { body.appendChild(r); });
                for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute('aria-sort'); }
                heads[c].setAttribute('aria-sort', descending ? 'descending' : 'ascending');
                state.column = heads[c].getAttribute('data-key');
                state.descending = descending;
                state.sorts++;
                table.setAttribute('data-sorted', (descending ? '-' : '') + state.column);
              }
              Array.prototype.forEach.call(heads, function (th, c) {
                th.addEventListener('click', function () {
                  sort(c, state.column === th.getAttribute('data-key') ? !state.descending : false);
                });
              });
              var m = /sort=(-?)([a-z]+)/.exec(location.hash);
              if (m) {
                for (var i = 0; i < heads.length; i++) {
                  if (heads[i].getAttribute('data-key') === m[2]) {
                    if (m[1]) { heads[i].click(); heads[i].click(); } else { heads[i].click(); }
                  }
                }
              }
              window.hotloopReport = state;
              document.documentElement.setAttribute('data-ready', 'true');
            })();
            """;

    private HtmlFormat() {
    }

    static String format(RunContext context, List<ReportRow> rows, List<TierRecord> tiers) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Hotloop report</title>\n<style>\n").append(STYLE).append("</style></head><body>\n")
                .append("<h1>Hotloop report</h1>\n");
        totals(b, rows);
        context(b, context);
        b.append("<h2>Measured speed-ups</h2>\n").append(HtmlChart.svg(rows, tiers));
        refusals(b, rows);
        table(b, rows);
        return b.append("<script>\n").append(SCRIPT).append("</script>\n</body></html>\n").toString();
    }

    private static void totals(StringBuilder b, List<ReportRow> rows) {
        int[] n = new int[3];
        for (ReportRow r : rows) {
            String o = r.outcome();
            n[o.equals(LoopResult.REWRITTEN) ? 0 : o.equals(LoopResult.KEPT) ? 1 : 2]++;
        }
        b.append("<p class=\"totals\"><span>").append(rows.size()).append(rows.size() == 1 ? " annotated method" : " annotated methods")
                .append("</span><span class=\"badge rewritten\">").append(n[0]).append(" rewritten</span>")
                .append("<span class=\"badge kept\">").append(n[1]).append(" kept</span>")
                .append("<span class=\"badge refused\">").append(n[2]).append(" refused</span></p>\n");
    }

    private static void context(StringBuilder b, RunContext c) {
        b.append("<dl class=\"context\">\n<dt>agent</dt><dd>").append(esc(c.agent())).append("</dd>\n")
                .append("<dt>Java</dt><dd>").append(esc(c.java())).append("</dd>\n")
                .append("<dt>cores</dt><dd>").append(c.cores()).append("</dd>\n")
                .append("<dt>Vector API</dt><dd>").append(c.vectorApi() ? "resolved" : "not resolved").append("</dd>\n")
                .append("<dt>options</dt><dd>");
        for (Map.Entry<String, Object> e : c.options().entrySet()) {
            b.append("<span class=\"opt\">").append(esc(e.getKey())).append('=').append(esc(String.valueOf(e.getValue())))
                    .append("</span>");
        }
        b.append("</dd>\n</dl>\n");
    }

    private static void refusals(StringBuilder b, List<ReportRow> rows) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> fixes = new TreeMap<>();
        for (ReportRow r : rows) {
            for (LoopResult l : r.loops()) {
                RefusalCode code = l.loop().code();
                if (code != null) {
                    counts.computeIfAbsent(code.code(), k -> new int[1])[0]++;
                    fixes.put(code.code(), code.fix());
                }
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        b.append("<h2>Refusals by code</h2>\n<table id=\"refusals\"><thead><tr><th>code</th><th class=\"n\">loops</th>")
                .append("<th>what to do</th></tr></thead><tbody>\n");
        counts.forEach((code, n) -> b.append("<tr><td><span class=\"code\">").append(esc(code)).append("</span></td><td class=\"n\">")
                .append(n[0]).append("</td><td>").append(fixes.get(code) == null ? "<span class=\"muted\">see each loop's reason</span>"
                        : esc(fixes.get(code))).append("</td></tr>\n"));
        b.append("</tbody></table>\n");
    }

    private static void table(StringBuilder b, List<ReportRow> rows) {
        b.append("<h2>Annotated methods</h2>\n<table id=\"methods\" class=\"sortable\"><thead><tr>")
                .append("<th data-key=\"method\">method</th>")
                .append("<th data-key=\"outcome\">outcome</th>")
                .append("<th data-key=\"line\" data-type=\"num\" class=\"n\">line</th>")
                .append("<th data-key=\"loops\">loops: what each became, or why not</th>")
                .append("<th data-key=\"speedup\" data-type=\"num\" class=\"n\">speed-up</th>")
                .append("<th data-key=\"transform\" data-type=\"num\" class=\"n\">transform</th>")
                .append("<th data-key=\"calls\" data-type=\"num\" class=\"n\">calls</th>")
                .append("<th data-key=\"first\" data-type=\"num\" class=\"n\">first call</th>")
                .append("<th data-key=\"steady\" data-type=\"num\" class=\"n\">steady/call</th>")
                .append("<th data-key=\"total\" data-type=\"num\" class=\"n\">total</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ReportRow r : rows) {
            String outcome = r.outcome();
            b.append("<tr class=\"").append(outcome).append("\"><td class=\"method\"><code>").append(breakable(r.method()))
                    .append("</code></td><td data-v=\"").append(outcome).append("\"><span class=\"badge ").append(outcome).append("\">")
                    .append(outcome).append("</span></td>");
            num(b, r.line() < 0 ? -1 : r.line(), r.line() < 0 ? "" : Integer.toString(r.line()));
            b.append("<td>");
            loops(b, r);
            b.append("</td>");
            double s = r.speedup();
            num(b, Double.isNaN(s) ? -1 : s, Double.isNaN(s) ? "" : String.format(Locale.ROOT, "%.2fx", s));
            num(b, r.transformNanos(), Durations.format(r.transformNanos()));
            num(b, r.calls(), String.format(Locale.ROOT, "%,d", r.calls()));
            num(b, r.firstCallNanos(), Durations.format(r.firstCallNanos()));
            num(b, r.steadyNanosPerCall(), Durations.format(r.steadyNanosPerCall()));
            double total = r.calls() == 0 ? -1 : r.totalNanos();
            num(b, total, Durations.format(total));
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static void loops(StringBuilder b, ReportRow r) {
        if (r.loops().isEmpty()) {
            b.append(esc(r.rewrite()));
            return;
        }
        b.append("<ul class=\"loops\">");
        for (LoopResult l : r.loops()) {
            b.append("<li>");
            if (r.loops().size() > 1 && l.loop().line() >= 0) {
                b.append("<span class=\"muted\">line ").append(l.loop().line()).append(":</span> ");
            }
            if (l.loop().code() != null) {
                b.append("<span class=\"code\">").append(esc(l.loop().code().code())).append("</span> ");
            }
            b.append(esc(l.loop().summary()));
            if (LoopResult.KEPT.equals(l.outcome())) {
                b.append(" <span class=\"badge kept\">").append(Double.isNaN(l.speedup()) ? "original runs: not measured"
                        : String.format(Locale.ROOT, "original runs: SIMD measured %.2fx", l.speedup())).append("</span>");
            } else if ("pending".equals(l.tierState())) {
                b.append(" <span class=\"muted\">(not measured yet: the original loop ran)</span>");
            }
            if (l.fix() != null && !l.loop().summary().contains(l.fix())) {
                b.append("<div class=\"fix\">").append(esc(l.fix())).append("</div>");
            }
            b.append("</li>");
        }
        b.append("</ul>");
    }

    private static void num(StringBuilder b, double value, String shown) {
        b.append("<td class=\"n\" data-v=\"");
        if (value >= 0) {
            b.append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : String.format(Locale.ROOT, "%.3f", value));
        }
        b.append("\">").append(esc(shown)).append("</td>");
    }

    /** @return the escaped method name with line-break opportunities after {@code . ( ,} */
    private static String breakable(String method) {
        return esc(method).replace(".", ".<wbr>").replace("(", "(<wbr>").replace(",", ",<wbr>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
