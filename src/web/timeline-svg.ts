/** A server-rendered SVG bar chart of cables per creation month (no script, no inline style). */
import { html, type SafeHtml } from './html.js';
import { displayCount } from './format.js';

export interface MonthCount {
  month: string;
  count: number;
}

/** Every month from the first to the last with cables, zeros filled in. */
export function fillMonths(rows: MonthCount[]): MonthCount[] {
  const valid = rows.filter((r) => /^\d{4}-\d{2}$/.test(r.month)).sort((a, b) => a.month.localeCompare(b.month));
  if (valid.length === 0) return [];
  const counts = new Map(valid.map((r) => [r.month, r.count]));
  const [fy, fm] = valid[0].month.split('-').map(Number);
  const [ly, lm] = valid[valid.length - 1].month.split('-').map(Number);
  const out: MonthCount[] = [];
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
  }
  return out;
}

export interface TimelineOptions {
  /** What the cables are (`Cables from Embassy Damascus`), for the chart's title; default: the released cables. */
  subject?: string;
}

export function timelineSvg(rows: MonthCount[], options: TimelineOptions = {}): SafeHtml {
  const months = fillMonths(rows);
  if (months.length === 0) return html``;
  const barWidth = 6;
  const height = 120;
  const top = 10;
  const bottom = 20;
  // Room after the last bar for a year label that starts there.
  const width = Math.max(months.length * barWidth, 200) + 24;
  const max = Math.max(...months.map((m) => m.count), 1);
  const total = months.reduce((s, m) => s + m.count, 0);
  const first = months[0].month;
  const last = months[months.length - 1].month;
  const label = `${options.subject ? `${options.subject}: released` : 'Released'} cables per creation month, ${first} to ${last}: ${displayCount(total)} cables, at most ${displayCount(max)} in one month.`;
  return html`<svg class="timeline" role="img" aria-labelledby="timeline-title" viewBox="0 0 ${width} ${height + bottom}" preserveAspectRatio="xMinYMid meet" xmlns="http://www.w3.org/2000/svg">
<title id="timeline-title">${label}</title>
<line class="axis" x1="0" y1="${height}" x2="${width}" y2="${height}"></line>
${months.map((m, i) => {
  if (m.count === 0) return '';
  const h = Math.max(1, Math.round(((height - top) * m.count) / max));
  return html`<rect class="bar" x="${i * barWidth}" y="${height - h}" width="${barWidth - 1}" height="${h}"><title>${m.month}: ${displayCount(m.count)}</title></rect>`;
})}
${months.map((m, i) =>
  m.month.endsWith('-01') && (months.length < 60 || Number(m.month.slice(0, 4)) % 5 === 0)
    ? html`<text x="${i * barWidth}" y="${height + 14}">${m.month.slice(0, 4)}</text>`
    : '',
)}
</svg>`;
}
