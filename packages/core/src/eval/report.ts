// Self-contained HTML reports: inline SVG charts, tables and base64 images; no scripts, no external files.
import type { CocoMetrics } from './coco.js';
import type { CompareResult } from './compare.js';

/** Standard base64 (btoa over binary-string chunks; no Node Buffer in the browser entry). */
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export const escapeHtml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : v > 0 ? '∞' : v < 0 ? '−∞' : 'n/a');

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
}

/** Positions a chart draws in another colour, with a legend entry (e.g. layers kept in float). */
export interface ChartMarks {
  indices: ReadonlySet<number>;
  label: string;
  color: string;
}

/**
 * A bar chart (one series) or line chart (several) of values by position, as inline SVG. Infinite
 * values are drawn at the top of the axis. `names` label each position in tooltips. `log` draws the
 * y axis in decades (values <= 0 sit at the bottom); `marks` colours chosen positions.
 */
export function svgChart(opts: { title: string; yLabel: string; names: string[]; series: ChartSeries[]; kind?: 'bar' | 'line'; width?: number; height?: number; id?: string; log?: boolean; marks?: ChartMarks; yTick?: (v: number) => string }): string {
  if (opts.log) return svgChart({ ...logSeries(opts), log: false });
  const width = opts.width ?? 960;
  const height = opts.height ?? 320;
  const pad = { l: 56, r: 16, t: 28, b: 40 };
  const n = Math.max(1, opts.names.length);
  const finite = opts.series.flatMap((s) => s.values).filter(Number.isFinite);
  let lo = Math.min(0, ...finite);
  let hi = Math.max(1e-9, ...finite);
  if (opts.series.some((s) => s.values.some((v) => v === Infinity))) hi *= 1.1;
  if (hi === lo) hi = lo + 1;
  const span = hi - lo;
  lo -= span * 0.02;
  hi += span * 0.02;
  const pw = width - pad.l - pad.r;
  const ph = height - pad.t - pad.b;
  const x = (i: number) => pad.l + ((i + 0.5) * pw) / n;
  const y = (v: number) => pad.t + ph - ((Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : v > 0 ? hi : lo)) - lo) / (hi - lo)) * ph;
  const ticks = 5;
  const grid = Array.from({ length: ticks + 1 }, (_, i) => {
    const v = lo + ((hi - lo) * i) / ticks;
    return `<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/><text x="${pad.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11">${opts.yTick ? opts.yTick(v) : v.toFixed(Math.abs(hi - lo) < 5 ? 2 : 0)}</text>`;
  }).join('');
  const kind = opts.kind ?? (opts.series.length === 1 ? 'bar' : 'line');
  const bw = Math.max(1, (pw / n) * 0.8);
  const body = opts.series
    .map((s) => {
      if (kind === 'bar') {
        return s.values
          .map((v, i) => {
            const y0 = y(Math.max(lo, 0));
            const y1 = y(v);
            const fill = opts.marks?.indices.has(i) ? opts.marks.color : s.color;
            return `<rect x="${(x(i) - bw / 2).toFixed(1)}" y="${Math.min(y0, y1).toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(0.5, Math.abs(y1 - y0)).toFixed(1)}" fill="${fill}"><title>${escapeHtml(`${i}: ${opts.names[i] ?? ''} — ${s.label} ${fmt(v, 2)}`)}</title></rect>`;
          })
          .join('');
      }
      const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const dots = s.values.map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="${opts.marks?.indices.has(i) ? 4 : 2.5}" fill="${opts.marks?.indices.has(i) ? opts.marks.color : s.color}"><title>${escapeHtml(`${i}: ${opts.names[i] ?? ''} — ${s.label} ${fmt(v, 2)}`)}</title></circle>`).join('');
      return `<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${pts}"/>${dots}`;
    })
    .join('');
  const entries = [...opts.series.map((s) => ({ label: s.label, color: s.color })), ...(opts.marks?.indices.size ? [{ label: opts.marks.label, color: opts.marks.color }] : [])];
  const legend = entries.map((s, i) => `<rect x="${pad.l + 8 + i * 200}" y="6" width="12" height="12" fill="${s.color}"/><text x="${pad.l + 24 + i * 200}" y="16" font-size="12">${escapeHtml(s.label)}</text>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart"${opts.id ? ` id="${opts.id}"` : ''} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" role="img" aria-label="${escapeHtml(opts.title)}">` +
    `<title>${escapeHtml(opts.title)}</title>${grid}${body}${legend}` +
    `<line x1="${pad.l}" x2="${pad.l}" y1="${pad.t}" y2="${pad.t + ph}" stroke="#333"/>` +
    `<text x="14" y="${pad.t + ph / 2}" font-size="12" transform="rotate(-90 14 ${pad.t + ph / 2})" text-anchor="middle">${escapeHtml(opts.yLabel)}</text>` +
    `<text x="${pad.l + pw / 2}" y="${height - 8}" font-size="12" text-anchor="middle">${escapeHtml(opts.title)}</text></svg>`
  );
}

/** A chart's values as log10 (the floor a decade below the smallest positive value), ticks as powers of ten. */
function logSeries<O extends { series: ChartSeries[]; names: string[] }>(opts: O): O & { yTick: (v: number) => string } {
  const positive = opts.series.flatMap((s) => s.values).filter((v) => v > 0 && Number.isFinite(v));
  const floor = Math.floor(Math.log10(positive.length ? Math.min(...positive) : 1e-9)) - 1;
  const series = opts.series.map((s) => ({ ...s, values: s.values.map((v) => (v > 0 ? (Number.isFinite(v) ? Math.log10(v) - floor : Infinity) : 0)) }));
  return { ...opts, series, yTick: (v: number) => (10 ** (v + floor)).toExponential(0) };
}

export function htmlTable(header: string[], rows: string[][], numericFrom = 1): string {
  const th = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

export const METRIC_KEYS: (keyof CocoMetrics)[] = ['AP', 'AP50', 'AP75', 'APs', 'APm', 'APl', 'AR1', 'AR10', 'AR100', 'ARs', 'ARm', 'ARl'];

/** COCO metrics of one or more models side by side (and second − first when there are two). */
export function metricsTable(columns: { label: string; metrics: CocoMetrics }[]): string {
  const header = ['metric', ...columns.map((c) => c.label), ...(columns.length === 2 ? [`Δ (${columns[1]!.label} − ${columns[0]!.label})`] : [])];
  const rows = METRIC_KEYS.map((k) => {
    const vals = columns.map((c) => c.metrics[k]);
    const delta = columns.length === 2 ? [fmt(vals[1]! - vals[0]!, 4)] : [];
    return [k, ...vals.map((v) => fmt(v, 4)), ...delta];
  });
  return htmlTable(header, rows);
}

export interface ReportImage {
  caption: string;
  /** JPEG bytes. */
  jpeg: Uint8Array;
}

export function imageGrid(rows: { title: string; images: ReportImage[] }[]): string {
  return rows
    .map(
      (r) =>
        `<h3>${escapeHtml(r.title)}</h3><div class="row">` +
        r.images.map((im) => `<figure><img alt="${escapeHtml(im.caption)}" src="data:image/jpeg;base64,${toBase64(im.jpeg)}"><figcaption>${escapeHtml(im.caption)}</figcaption></figure>`).join('') +
        `</div>`,
    )
    .join('\n');
}

/** A complete HTML document from body sections (already HTML). */
export function htmlDocument(title: string, sections: string[]): string {
  const css =
    'body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 16px}' +
    'th,td{border:1px solid #ccc;padding:3px 8px;font-size:13px}td.num{text-align:right;font-variant-numeric:tabular-nums}' +
    'th{background:#f3f3f3}.row{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figure img{max-width:460px;display:block}' +
    'figcaption{font-size:12px;color:#555}svg.chart{max-width:100%;height:auto}';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${css}</style></head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${sections.join('\n')}\n</body></html>\n`;
}

/** The per-layer part of a compare report: SQNR chart, cosine chart, worst layers, full table. */
export function compareSections(r: CompareResult, labelA: string, labelB: string): string[] {
  const names = r.tensors.map((t) => `${t.op} ${t.name}`);
  // Layers B keeps in another precision than most of its layers (e.g. float islands in a uint8 model).
  const counts = new Map<string, number>();
  for (const t of r.tensors) counts.set(t.dtypeB, (counts.get(t.dtypeB) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const kept = new Set(r.tensors.flatMap((t, i) => (t.dtypeB !== main ? [i] : [])));
  const sqnrChart = svgChart({
    title: `SQNR per layer (dB, op order) — ${labelB} against ${labelA}`,
    yLabel: 'SQNR (dB)',
    names,
    series: [{ label: `SQNR dB (${main ?? ''} layers)`, values: r.tensors.map((t) => t.sqnr), color: '#4363d8' }],
    kind: 'bar',
    id: 'sqnr-chart',
    marks: { indices: kept, label: `kept in higher precision (${[...new Set([...kept].map((i) => r.tensors[i]!.dtypeB))].join(', ')})`, color: '#e6194b' },
  });
  const cosChart = svgChart({
    title: '1 − cosine similarity per layer (log scale, op order; lower is closer)',
    yLabel: '1 − cosine',
    names,
    series: [{ label: '1 − cosine', values: r.tensors.map((t) => 1 - t.cosine), color: '#3cb44b' }],
    kind: 'line',
    id: 'cosine-chart',
    log: true,
    marks: { indices: kept, label: 'kept in higher precision', color: '#e6194b' },
  });
  const row = (t: CompareResult['tensors'][number]) => [String(t.opIndex), t.op, t.name, `[${t.shape.join(',')}]`, fmt(t.sqnr, 2), t.mse.toExponential(3), fmt(t.cosine, 5), t.maxAbsError.toPrecision(4)];
  const header = ['op', 'type', 'tensor', 'shape', 'SQNR dB', 'MSE', 'cosine', 'max |err|'];
  return [
    `<p>Reference A: <code>${escapeHtml(labelA)}</code>; B: <code>${escapeHtml(labelB)}</code>. ${r.tensors.length} tensors matched by ${r.matchedBy}, ` +
      `${r.images} image(s); values dequantized (real = scale·(q − zero_point)); SQNR, MSE and cosine are means over images, max |err| the maximum.</p>`,
    `<h2>Error through the network</h2>${sqnrChart}${cosChart}`,
    `<h2>Worst layers</h2>${htmlTable(header, r.worst.map(row), 4)}`,
    `<h2>All layers</h2>${htmlTable(header, r.tensors.map(row), 4)}`,
    ...(r.skipped.length ? [`<h2>Not compared</h2>${htmlTable(['tensor', 'why'], r.skipped.map((s) => [s.name, s.reason]), 2)}`] : []),
  ];
}
