/**
 * A reusable timeline of cables by creation month, for any page about a set of cables
 * (origin, tag, classification, and entity pages to come): the SVG bar chart (a title per
 * bar) and, for readers who cannot see it, the same counts as a table by year and month.
 */
import { displayCount } from './format.js';
import { html, type SafeHtml } from './html.js';
import { browsePath } from './paths.js';
import { fillMonths, timelineSvg, type MonthCount } from './timeline-svg.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The counts as a year-by-month table (empty months blank); each count links to its creation month. */
export function timelineTable(rows: MonthCount[], caption: string): SafeHtml {
  const months = fillMonths(rows);
  if (months.length === 0) return html``;
  const byYear = new Map<string, number[]>();
  for (const m of months) {
    const year = m.month.slice(0, 4);
    const counts = byYear.get(year) ?? new Array<number>(12).fill(0);
    counts[Number(m.month.slice(5, 7)) - 1] = m.count;
    byYear.set(year, counts);
  }
  return html`<div class="table-wrap"><table class="timeline-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">Year</th>${MONTHS.map((m) => html`<th scope="col">${m}</th>`)}<th scope="col">Total</th></tr></thead>
<tbody>
${[...byYear].map(
  ([year, counts]) => html`<tr><th scope="row">${year}</th>${counts.map((n, i) =>
    n > 0 ? html`<td><a href="${browsePath.date(`${year}-${String(i + 1).padStart(2, '0')}`)}">${displayCount(n)}</a></td>` : html`<td></td>`,
  )}<td>${displayCount(counts.reduce((s, n) => s + n, 0))}</td></tr>
`,
)}</tbody>
</table></div>`;
}

/** The chart and its table (folded away), or nothing when no cable has a creation month. */
export function timelineFigure(rows: MonthCount[], subject: string): SafeHtml {
  if (fillMonths(rows).length === 0) return html``;
  return html`<figure class="timeline-figure">
${timelineSvg(rows, { subject })}
<figcaption>${subject}: released cables by month of creation.</figcaption>
<details><summary>The same as a table</summary>
${timelineTable(rows, `${subject}: released cables by month of creation`)}
</details>
</figure>`;
}
