/**
 * The change log: `/changes/index.html` (newest first), `/changes/N.html` (older pages,
 * from 1), their JSON twins and `/feeds/changes.atom`: every public change after a
 * cable's first release, so nothing changes without a trace: a new public version (with a
 * link to its diff), a withdrawal (the date and its reason; never which cable, as on the
 * release days: a withdrawn cable is hidden, its page answers 410 to whoever has its id),
 * a redaction change (that the public text changed, never what was hidden; recorded once
 * redaction rules exist, issue #15). Store.publicChanges never returns anything about an
 * unreleased cable.
 */
import { Feed } from 'feed';
import type { PublicChange } from '../store/store.js';
import { feedAddresses } from './feed-atom.js';
import { displayCount, displayDateTime } from './format.js';
import { escapeHtml, html, type SafeHtml } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { cablePath, type Ext } from './paths.js';
import { diffPath } from './version-diff-page.js';

export const CHANGES_PAGE_SIZE = 50;
export const CHANGES_FEED_PATH = '/feeds/changes.atom';

export const changesPath = (page: number, ext: Ext = 'html') => (page === 0 ? `/changes/index.${ext}` : `/changes/${page}.${ext}`);

/** `index.html` -> page 0, `3.json` -> page 3; null otherwise. */
export function parseChangesFile(file: string): { page: number; ext: Ext } | null {
  const m = /^(index|[1-9]\d{0,5})\.(html|json)$/.exec(file);
  return m ? { page: m[1] === 'index' ? 0 : Number(m[1]), ext: m[2] as Ext } : null;
}

export interface ChangeView {
  kind: PublicChange['kind'];
  at: string;
  /** The cable (versions and redactions; null for withdrawals). */
  id: string | null;
  /** Its page, null for withdrawals. */
  url: string | null;
  from: number | null;
  to: number | null;
  /** The diff between the two public versions (version changes). */
  diff: string | null;
  /** Withdrawals: why. */
  reason: string | null;
  /** One line saying what changed. */
  text: string;
}

export interface ChangesData extends PageData {
  page: number;
  pageSize: number;
  total: number;
  changes: ChangeView[];
  prev: string | null;
  next: string | null;
  feed: string;
}

function view(c: PublicChange): ChangeView {
  if (c.kind === 'withdrawal') {
    return { kind: c.kind, at: c.at, id: null, url: null, from: null, to: null, diff: null, reason: c.reason, text: `A cable was withdrawn: ${c.reason ?? ''}` };
  }
  const url = cablePath(c.canonicalId, c.created);
  const diff = c.kind === 'version' && c.from !== null && c.to !== null ? diffPath(c.canonicalId, c.created, c.from, c.to) : null;
  const text = c.kind === 'version' ? `${c.canonicalId}: version ${c.to} is now the public text${c.from !== null ? ` (was version ${c.from})` : ''}` : `${c.canonicalId}: its public text changed by a redaction`;
  return { kind: c.kind, at: c.at, id: c.canonicalId, url, from: c.from, to: c.to, diff, reason: null, text };
}

/** A page of the change log, or null past the last page (page 0 always exists). */
export async function loadChanges(ctx: WebContext, page: number): Promise<Page<ChangesData> | null> {
  const { total, rows } = await ctx.store.publicChanges({ limit: CHANGES_PAGE_SIZE, offset: page * CHANGES_PAGE_SIZE });
  if (page > 0 && rows.length === 0) return null;
  const data: ChangesData = {
    title: page === 0 ? 'Change log' : `Change log, page ${page + 1}`,
    url: changesPath(page),
    json: changesPath(page, 'json'),
    page,
    pageSize: CHANGES_PAGE_SIZE,
    total,
    changes: rows.map(view),
    prev: page > 0 ? changesPath(page - 1) : null,
    next: (page + 1) * CHANGES_PAGE_SIZE < total ? changesPath(page + 1) : null,
    feed: CHANGES_FEED_PATH,
  };
  return { data, render: renderChanges, description: 'Every public change to a released cable: new versions, withdrawals, redactions.' };
}

function changeItem(c: ChangeView): SafeHtml {
  const when = html`<time datetime="${c.at}">${displayDateTime(c.at)}</time>`;
  if (c.kind === 'withdrawal') return html`<li>${when}: a cable was <strong>withdrawn</strong>. Reason: ${c.reason ?? ''}</li>`;
  if (c.kind === 'redaction') return html`<li>${when}: <a href="${c.url!}">${c.id}</a>: its public text changed by a <strong>redaction</strong>.</li>`;
  return html`<li>${when}: <a href="${c.url!}">${c.id}</a>: <strong>new public version</strong> ${c.to}${c.from !== null ? html` (was ${c.from})` : ''}${c.diff ? html`, <a href="${c.diff}">what changed</a>` : ''}.</li>`;
}

export function renderChanges(d: ChangesData): SafeHtml {
  return html`<h1>${d.title}</h1>
<p>Every public change to a cable after its first release, newest first: nothing changes without a trace. ${displayCount(d.total)} change${d.total === 1 ? '' : 's'} so far. Also as an <a href="${d.feed}" type="application/atom+xml">Atom feed</a>; what was published each day is on the <a href="/releases/index.html">release days</a>.</p>
${d.changes.length ? html`<ol class="changes">${d.changes.map(changeItem)}</ol>` : html`<p>No change yet.</p>`}
${d.prev || d.next ? html`<nav class="paginator" aria-label="Pages">${d.prev ? html`<a rel="prev" href="${d.prev}">Newer changes</a>` : ''} ${d.next ? html`<a rel="next" href="${d.next}">Older changes</a>` : ''}</nav>` : ''}`;
}

/** The change log as Atom (the latest 50 changes), on the configured base URL (feedAddresses). */
export async function buildChangesFeed(ctx: WebContext, base: string | null): Promise<string> {
  const { href, id, finish } = feedAddresses(base);
  const { rows } = await ctx.store.publicChanges({ limit: CHANGES_PAGE_SIZE });
  const changes = rows.map(view);
  const feed = new Feed({
    title: 'Cablegate: change log',
    id: id(CHANGES_FEED_PATH),
    link: href(changesPath(0)),
    updated: changes[0] ? new Date(changes[0].at) : new Date(0),
    generator: 'cablegate',
    feedLinks: { atom: href(CHANGES_FEED_PATH) },
    author: { name: 'Cablegate' },
    copyright: 'Public material published by WikiLeaks',
  });
  for (const c of changes) {
    const link = href(c.diff ?? c.url ?? changesPath(0));
    feed.addItem({
      // Each change is its own entry: the kind, the cable (if named) and the time make its id.
      id: id(`${changesPath(0)}#${c.kind}-${c.id ?? 'withdrawn'}-${c.at}`),
      title: escapeHtml(c.text),
      link,
      date: new Date(c.at),
      description: escapeHtml(c.text),
    });
  }
  return finish(feed.atom1());
}
