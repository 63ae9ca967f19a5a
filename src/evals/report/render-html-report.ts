import type { LabelMetrics } from "../critique-eval.js";
import type { ClassifierMetrics } from "../question-classifier-eval.js";
import type { RetrievalDatasetReport } from "../run-retrieval-eval.js";

export interface ReportData {
  generatedAt: string;
  retrieval: RetrievalDatasetReport[];
  classifier: ClassifierMetrics[];
  critique: Array<{ dataset: string; cases: number; macroF1: number; rulesOnlyMacroF1?: number; metrics: LabelMetrics[] }>;
}

const COLORS = ["#9db4d6", "#3d6fb4", "#163a6b"];
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const fixed = (value: number) => value.toFixed(3);

/** A grouped bar chart as inline SVG: one group per label, one bar per series, values 0 to 1. */
function barChart(title: string, groups: Array<{ label: string; values: number[]; interval?: [number, number] }>, series: string[], intervalSeries = -1): string {
  const barWidth = 16;
  const gap = 26;
  const groupWidth = series.length * barWidth + gap;
  const height = 250;
  const top = 24;
  const left = 90;
  const width = left + groups.length * groupWidth + 20;
  const y = (value: number) => top + (1 - value) * (height - top - 90);
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/><text x="${left - 6}" y="${y(tick) + 4}" class="tick" text-anchor="end">${tick.toFixed(2)}</text>`);
  }
  groups.forEach((group, groupIndex) => {
    const x0 = left + 10 + groupIndex * groupWidth;
    group.values.forEach((value, seriesIndex) => {
      const x = x0 + seriesIndex * barWidth;
      parts.push(
        `<rect class="bar" data-series="${escape(series[seriesIndex]!)}" data-value="${fixed(value)}" x="${x}" y="${y(value)}" width="${barWidth - 2}" height="${Math.max(0, y(0) - y(value))}" fill="${COLORS[seriesIndex % COLORS.length]}"><title>${escape(group.label)}: ${escape(series[seriesIndex]!)} ${fixed(value)}</title></rect>`,
      );
      if (seriesIndex === intervalSeries && group.interval) {
        const cx = x + (barWidth - 2) / 2;
        parts.push(`<line class="interval" x1="${cx}" x2="${cx}" y1="${y(group.interval[1])}" y2="${y(group.interval[0])}"/>`);
      }
    });
    parts.push(`<text x="${x0 + (series.length * barWidth) / 2}" y="${height - 72}" class="label" text-anchor="end" transform="rotate(-30 ${x0 + (series.length * barWidth) / 2} ${height - 72})">${escape(group.label)}</text>`);
  });
  const legend = series.map((name, index) => `<span class="key"><i style="background:${COLORS[index % COLORS.length]}"></i>${escape(name)}</span>`).join(" ");
  return `<figure><figcaption>${escape(title)}</figcaption><svg class="chart" role="img" aria-label="${escape(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${parts.join("")}</svg><div class="legend">${legend}</div></figure>`;
}

function confusion(metric: LabelMetrics): string {
  const cell = (count: number, kind: string) => `<td class="${kind}" style="--n:${count}">${count}</td>`;
  return `<table class="confusion" aria-label="confusion matrix for ${escape(metric.label)}"><caption>${escape(metric.label)}</caption><tr><th></th><th>flagged</th><th>not flagged</th></tr><tr><th>flaw</th>${cell(metric.truePositive, "good")}${cell(metric.falseNegative, "bad")}</tr><tr><th>no flaw</th>${cell(metric.falsePositive, "bad")}${cell(metric.trueNegative, "good")}</tr></table>`;
}

function casesTable(cases: RetrievalDatasetReport["configurations"][number]["cases"]): string {
  const row = (item: (typeof cases)[number]) =>
    `<tr class="${item.firstHit !== null && item.firstHit <= 3 ? "hit" : "miss"}"><td>${escape(item.id)}</td><td>${escape(item.question)}</td><td>${item.firstHit ?? "none"}</td><td>${escape(item.acceptable.join(", "))}</td><td>${escape(item.returned.slice(0, 3).join(", "))}</td></tr>`;
  const header = "<tr><th>case</th><th>question</th><th>first hit</th><th>acceptable</th><th>returned (top 3)</th></tr>";
  const misses = cases.filter((item) => item.firstHit === null || item.firstHit > 3);
  const hits = cases.filter((item) => item.firstHit !== null && item.firstHit <= 3);
  return `<details open><summary>Hybrid misses at 3 (${misses.length} of ${cases.length})</summary><table class="cases">${header}${misses.map(row).join("")}</table></details>
<details><summary>Hybrid hits (${hits.length})</summary><table class="cases">${header}${hits.map(row).join("")}</table></details>`;
}

/** The eval report as one self-contained HTML page (no scripts, fonts or styles from anywhere else). */
export function renderHtmlReport(data: ReportData): string {
  const sections: string[] = [];
  for (const report of data.retrieval) {
    const hybrid = report.configurations.find((entry) => entry.name === "hybrid");
    sections.push(`<section><h2>Retrieval: ${escape(report.dataset)} <small>${report.configurations[0]?.metrics.cases ?? 0} questions, embedder ${escape(report.embedder)}</small></h2>
${barChart(`hit@k by configuration (${report.dataset}); whiskers: 95% bootstrap interval of hit@3`, report.configurations.map((entry) => ({ label: entry.name, values: [entry.metrics.hitAt1, entry.metrics.hitAt3, entry.metrics.hitAt5], interval: entry.metrics.intervals.hitAt3 })), ["hit@1", "hit@3", "hit@5"], 1)}
<table class="figures"><tr><th>configuration</th><th>hit@1</th><th>hit@3 (95% interval)</th><th>hit@5</th><th>MRR (95% interval)</th><th>nDCG@5</th></tr>
${report.configurations.map((entry) => { const m = entry.metrics; return `<tr><td>${escape(entry.name)}</td><td>${fixed(m.hitAt1)}</td><td>${fixed(m.hitAt3)} (${fixed(m.intervals.hitAt3[0])}-${fixed(m.intervals.hitAt3[1])})</td><td>${fixed(m.hitAt5)}</td><td>${fixed(m.mrr)} (${fixed(m.intervals.mrr[0])}-${fixed(m.intervals.mrr[1])})</td><td>${fixed(m.ndcgAt5)}</td></tr>`; }).join("\n")}</table>
${report.heldOut ? "<p>Held out: only its totals are shown, never its questions or misses.</p>" : hybrid ? casesTable(hybrid.cases) : ""}
</section>`);
  }
  if (data.critique.length > 0) {
    const labels = data.critique[0]!.metrics.map((metric) => metric.label);
    sections.push(`<section><h2>Critique <small>positive class = the flaw</small></h2>
${barChart("F1 per flaw", labels.map((label) => ({ label, values: data.critique.map((entry) => entry.metrics.find((metric) => metric.label === label)?.f1 ?? 0) })), data.critique.map((entry) => `${entry.dataset} (${entry.cases})`))}
<p>Macro F1: ${data.critique.map((entry) => `${escape(entry.dataset)} ${fixed(entry.macroF1)}${entry.rulesOnlyMacroF1 === undefined ? "" : ` (cue rules alone ${fixed(entry.rulesOnlyMacroF1)})`}`).join(", ")}.</p>
${data.critique.map((entry) => `<h3>${escape(entry.dataset)}: confusion matrices</h3><div class="matrices">${entry.metrics.map(confusion).join("")}</div>`).join("\n")}
</section>`);
  }
  if (data.classifier.length > 0) {
    sections.push(`<section><h2>Question classifier</h2><table class="figures"><tr><th>split</th><th>questions</th><th>competency@1</th><th>competency@3</th><th>principle@1</th></tr>${data.classifier.map((entry) => `<tr><td>${entry.split}</td><td>${entry.questions}</td><td>${fixed(entry.competencyAt1)}</td><td>${fixed(entry.competencyAt3)}</td><td>${fixed(entry.principleAt1)}</td></tr>`).join("")}</table></section>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>coach eval report</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1f24}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d5dae1;padding-bottom:.3rem}small{color:#5b6470;font-weight:normal;font-size:.8em}
figure{margin:1rem 0;overflow-x:auto}figcaption{font-weight:600;margin-bottom:.4rem}
.chart .grid{stroke:#e3e7ec}.chart .tick,.chart .label{font-size:11px;fill:#4a525c}.chart .interval{stroke:#111;stroke-width:1.5}
.legend .key{margin-right:1rem;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #d5dae1;padding:.25rem .5rem;text-align:left;vertical-align:top}
.figures td:not(:first-child){text-align:right;font-variant-numeric:tabular-nums}
.cases{font-size:13px}.cases tr.miss td:first-child{border-left:4px solid #c0392b}.cases tr.hit td:first-child{border-left:4px solid #2e8b57}
.matrices{display:flex;flex-wrap:wrap;gap:.8rem}.confusion td{text-align:center;min-width:3.2rem;font-variant-numeric:tabular-nums}
.confusion td.good{background:color-mix(in srgb,#2e8b57 calc(var(--n)*4%),white)}.confusion td.bad{background:color-mix(in srgb,#c0392b calc(var(--n)*6%),white)}
caption{font-weight:600;text-align:left}
</style></head><body>
<h1>coach eval report</h1><p>Generated ${escape(data.generatedAt)} by <code>coach eval</code>, offline and deterministic.</p>
${sections.join("\n")}
</body></html>
`;
}
