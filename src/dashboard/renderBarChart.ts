import { html, type SafeHtml } from './html.js';

/** One series of a bar chart. */
export interface ChartSeries {
  name: string;
  /** A CSS colour literal written in this folder (never data). */
  color: string;
  values: readonly number[];
}

/** What a bar chart shows. */
export interface BarChart {
  /** Accessible name of the chart. */
  title: string;
  /** One label per bar position (x axis); every `labelEvery`-th is drawn. */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Draw every n-th x label. @defaultValue 1 */
  labelEvery?: number;
  /** Formats a value for the axis and the hover titles. @defaultValue String */
  format?: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 170;
const PAD = { top: 12, right: 8, bottom: 22, left: 44 };
/** Share of a bar slot left empty between slots. */
const SLOT_GAP = 0.2;

/**
 * A bar chart as inline SVG, drawn on the server: no script, no library, no request. Series sit side by
 * side in each slot; each bar has a `<title>` for its exact value on hover. Colours are attributes, not
 * style, so the page's CSP (styles by nonce only) allows them.
 */
export function renderBarChart(chart: BarChart): SafeHtml {
  const format = chart.format ?? String;
  const slots = chart.labels.length;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  // An empty chart still gets an axis (0 to 1), so it reads as "nothing yet" rather than as broken.
  const top = max > 0 ? niceCeiling(max) : 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slotW = slots > 0 ? plotW / slots : plotW;
  const barW = (slotW * (1 - SLOT_GAP)) / Math.max(1, chart.series.length);
  const y = (value: number) => PAD.top + plotH - (top > 0 ? (value / top) * plotH : 0);
  const bars = chart.series.flatMap((series, si) =>
    series.values.map((value, i) => {
      if (value <= 0) return html``;
      const x = PAD.left + i * slotW + (slotW * SLOT_GAP) / 2 + si * barW;
      return html`<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${Math.max(1, barW - 0.5).toFixed(1)}" height="${(PAD.top + plotH - y(value)).toFixed(1)}" fill="${series.color}"><title>${chart.labels[i] ?? ''}: ${format(value)} ${series.name}</title></rect>`;
    }),
  );
  const every = chart.labelEvery ?? 1;
  // The first and last labels are anchored at their outer edge, so neither is cut off by the chart's border.
  const anchor = (i: number) =>
    (i === 0 ? ['start', PAD.left + i * slotW] : i === slots - 1 ? ['end', PAD.left + (i + 1) * slotW] : ['middle', PAD.left + i * slotW + slotW / 2]) as [
      string,
      number,
    ];
  const xLabels = chart.labels.map((label, i) => {
    if (i % every !== 0 && i !== slots - 1) return html``;
    if (i !== slots - 1 && slots - 1 - i < every / 2) return html``;
    const [textAnchor, x] = anchor(i);
    return html`<text x="${x.toFixed(1)}" y="${HEIGHT - 6}" text-anchor="${textAnchor}">${label}</text>`;
  });
  const grid = [0, 0.5, 1].map(
    (share) => html`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(top * share).toFixed(1)}" y2="${y(top * share).toFixed(1)}" stroke="#e3e6ea"/>
    <text x="${PAD.left - 6}" y="${(y(top * share) + 4).toFixed(1)}" text-anchor="end">${format(top * share)}</text>`,
  );
  const legend =
    chart.series.length > 1
      ? html`<div class="legend">${chart.series.map((s) => html`<span><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${s.color}"/></svg> ${s.name}</span>`)}</div>`
      : html``;
  return html`<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${chart.title}" font-size="11" fill="#5b636d">
    <title>${chart.title}</title>${grid}${bars}${xLabels}</svg>${legend}${max === 0 ? html`<figcaption class="empty">Nothing yet in this window.</figcaption>` : ''}</figure>`;
}

/** The smallest of 1, 2, 2.5, 5 x 10^n at or above `value` (an axis top that reads well). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
