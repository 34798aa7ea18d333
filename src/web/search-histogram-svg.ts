/** The SVG histogram of search hits per creation month; each bar narrows the search to its month. */
import { displayCount } from './format.js';
import { html, type SafeHtml } from './html.js';
import { fillMonths, type MonthCount } from './timeline-svg.js';

export function searchHistogramSvg(rows: MonthCount[], monthUrl: (month: string) => string): SafeHtml {
  const months = fillMonths(rows);
  if (months.length === 0) return html``;
  const barWidth = months.length > 240 ? 3 : months.length > 60 ? 6 : 12;
  const height = 100;
  const top = 8;
  const bottom = 18;
  const width = Math.max(months.length * barWidth, 120);
  const max = Math.max(...months.map((m) => m.count), 1);
  const total = months.reduce((s, m) => s + m.count, 0);
  const first = months[0].month;
  const last = months[months.length - 1].month;
  const label = `Hits per creation month, ${first} to ${last}: ${displayCount(total)} cables, at most ${displayCount(max)} in one month.`;
  return html`<svg class="timeline search-histogram" role="img" aria-labelledby="histogram-title" viewBox="0 0 ${width} ${height + bottom}" preserveAspectRatio="xMinYMid meet" xmlns="http://www.w3.org/2000/svg">
<title id="histogram-title">${label}</title>
<line class="axis" x1="0" y1="${height}" x2="${width}" y2="${height}"></line>
${months.map((m, i) => {
  if (m.count === 0) return '';
  const h = Math.max(1, Math.round(((height - top) * m.count) / max));
  return html`<a href="${monthUrl(m.month)}"><rect class="bar" x="${i * barWidth}" y="${height - h}" width="${Math.max(1, barWidth - 1)}" height="${h}"><title>${m.month}: ${displayCount(m.count)}</title></rect></a>`;
})}
${months.map((m, i) =>
  (m.month.endsWith('-01') || i === 0) && (months.length < 60 || Number(m.month.slice(0, 4)) % 5 === 0 || months.length < 120)
    ? html`<text x="${i * barWidth}" y="${height + 14}">${m.month.slice(0, 4)}</text>`
    : '',
)}
</svg>`;
}
