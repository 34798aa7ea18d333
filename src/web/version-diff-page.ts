/**
 * The diff page between two public versions of a cable:
 * `/cable/YYYY/MM/<ID>/diff-<FROM>-<TO>.html` (and `.json`). Word diff of the body,
 * line diff of the routing header, changed metadata, redactions lifted or added.
 * Only public versions of a visible cable can be compared (else 404).
 */
import { diffLines, diffWords } from 'diff';
import type { ParsedCable } from '../domain/cable.js';
import type { CableVersion, StoredCable } from '../store/store.js';
import { displayDateTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { cablePath, type Ext } from './paths.js';
import { publicSourceLabel } from './source-label.js';

export function diffPath(canonicalId: string, created: string | null, from: number, to: number, ext: Ext = 'html'): string {
  return cablePath(canonicalId, created, ext).replace(/\.(html|json)$/, `/diff-${from}-${to}.${ext}`);
}

/** `diff-1-2.html` -> { from: 1, to: 2, ext: 'html' }, or null. */
export function parseDiffFile(file: string): { from: number; to: number; ext: Ext } | null {
  const m = /^diff-(\d{1,6})-(\d{1,6})\.(html|json)$/.exec(file);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from === to ? null : { from, to, ext: m[3] as Ext };
}

export interface DiffPart {
  /** `same`, `added` or `removed`. */
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface VersionDiffData extends PageData {
  id: string;
  cableUrl: string;
  from: { number: number; importedAt: string; source: string; publishedAt: string | null };
  to: { number: number; importedAt: string; source: string; publishedAt: string | null };
  /** Metadata fields whose value differs. */
  changedFields: Array<{ field: string; from: string | null; to: string | null }>;
  redactions: { from: number; to: number; lifted: number; added: number };
  header: DiffPart[];
  body: DiffPart[];
}

const FIELDS: Array<keyof ParsedCable> = ['subject', 'created', 'classification', 'origin', 'tags', 'references', 'released'];

function show(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function parts(changes: Array<{ value: string; added?: boolean; removed?: boolean }>): DiffPart[] {
  return changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

export function buildDiff(stored: StoredCable, a: CableVersion, b: CableVersion): VersionDiffData {
  const id = stored.canonicalId;
  const created = stored.cable.created;
  const changedFields = FIELDS.map((f) => ({ field: f, from: show(a.parsed[f]), to: show(b.parsed[f]) })).filter((x) => x.from !== x.to);
  const ra = a.parsed.redactions.length;
  const rb = b.parsed.redactions.length;
  return {
    title: `Changes in cable ${id}, version ${a.number} to ${b.number}`,
    url: diffPath(id, created, a.number, b.number),
    json: diffPath(id, created, a.number, b.number, 'json'),
    id,
    cableUrl: cablePath(id, created),
    from: { number: a.number, importedAt: a.importedAt, source: publicSourceLabel(a.format), publishedAt: a.publishedAt ?? null },
    to: { number: b.number, importedAt: b.importedAt, source: publicSourceLabel(b.format), publishedAt: b.publishedAt ?? null },
    changedFields,
    redactions: { from: ra, to: rb, lifted: Math.max(0, ra - rb), added: Math.max(0, rb - ra) },
    header: parts(diffLines(a.parsed.header ?? '', b.parsed.header ?? '')),
    body: parts(diffWords(a.parsed.body ?? '', b.parsed.body ?? '')),
  };
}

/** The diff page, or null when either version is not public (same answer as "no such version"). */
export async function loadVersionDiff(ctx: WebContext, stored: StoredCable, from: number, to: number): Promise<Page<VersionDiffData> | null> {
  const versions = await ctx.store.getVersions(stored.canonicalId, { releasedOnly: true });
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  if (!a || !b) return null;
  return { data: buildDiff(stored, a, b), render: renderDiff, description: `Changes between two versions of cable ${stored.canonicalId}` };
}

function partsMarkup(list: DiffPart[]): SafeHtml {
  return html`${list.map((p) =>
    p.op === 'added' ? html`<ins>${p.text}</ins>` : p.op === 'removed' ? html`<del>${p.text}</del>` : html`${p.text}`,
  )}`;
}

export function renderDiff(d: VersionDiffData): SafeHtml {
  const r = d.redactions;
  return html`<article class="cable-diff">
<h1>${d.title}</h1>
<p><a href="${d.cableUrl}">Back to cable ${d.id}</a>. Removed text is <del>struck through</del>, added text is <ins>underlined</ins>.</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Version</th><th scope="col">Imported</th><th scope="col">Public since</th><th scope="col">Source</th></tr></thead>
<tbody>${[d.from, d.to].map((v) => html`<tr><td>${v.number}</td><td>${displayDateTime(v.importedAt)}</td><td>${displayDateTime(v.publishedAt)}</td><td>${v.source}</td></tr>`)}</tbody>
</table></div>
<p>Redactions: ${r.from} in version ${d.from.number}, ${r.to} in version ${d.to.number}${r.lifted ? html` (${r.lifted} lifted)` : ''}${r.added ? html` (${r.added} added)` : ''}.</p>
${d.changedFields.length
  ? html`<section><h2>Changed details</h2><ul>${d.changedFields.map((f) => html`<li>${f.field}: <del>${f.from ?? '(none)'}</del> → <ins>${f.to ?? '(none)'}</ins></li>`)}</ul></section>`
  : ''}
<section class="box header-box" aria-label="Routing header changes"><h2>Routing header</h2><pre>${partsMarkup(d.header)}</pre></section>
<section class="box body-box" aria-label="Text changes"><h2>Text</h2><pre>${partsMarkup(d.body)}</pre></section>
</article>`;
}
