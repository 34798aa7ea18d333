/**
 * Renders a demo cable as a page of the 2010-2011 Cablegate site (XHTML, the
 * `cable` metadata table, two `<code><pre>` blocks with `&#x000A;` newlines), with
 * a short navigation instead of the original's 70-190 KB of links.
 */
import { ANCHOR_CLOSE, ANCHOR_OPEN, PARTIAL_NOTICE, TAG_CLOSE, TAG_OPEN, type DemoCable } from './compose-demo-cable.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const ANCHOR_RE = new RegExp(`${ANCHOR_OPEN}([^${ANCHOR_CLOSE}]*)${ANCHOR_CLOSE}`, 'g');
const TAG_RE = new RegExp(`${TAG_OPEN}([^${TAG_CLOSE}]*)${TAG_CLOSE}`, 'g');

/** Text of a `<pre>` block: escaped, markers turned into links, newlines as `&#x000A;`. */
function preBlock(text: string): string {
  return escapeHtml(text)
    .replace(ANCHOR_RE, (_m, id: string) => `<a id='${id}' href='#${id}'>¶</a>`)
    .replace(TAG_RE, (_m, tag: string) => `<a href='/tag/${tag}_0.html'>${tag}</a>`)
    .replace(/\n/g, '&#x000A;');
}

export interface SitePageContext {
  /** Build counter shown on every page, e.g. `1000 / 1,000`. */
  build: string;
}

export function renderSitePage(cable: DemoCable, context: SitePageContext): string {
  const firstSubjectLine = cable.subject.length > 60 ? cable.subject.slice(0, cable.subject.lastIndexOf(' ', 60)) : cable.subject;
  const [month] = [cable.createdDisplayed.slice(0, 7)];
  const releaseDay = cable.releasedDisplayed.slice(0, 10);
  const articleRow = cable.articles.length
    ? `<tr>\n<td colspan='5'>\nAppears in these articles:<br />\n${cable.articles.map((a) => `<a href='${escapeHtml(a.url)}'>${escapeHtml(a.title)}</a><br />`).join('\n')}\n</td>\n</tr>\n`
    : '';
  const firstBlock = cable.partial ? PARTIAL_NOTICE : cable.header;
  return `<?xml version='1.0' encoding='utf-8' ?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html lang='en' xml:lang='en' xmlns='http://www.w3.org/1999/xhtml'>
<head>
<title>Cable Viewer</title>
<link href='/static/css/cables.css' rel='stylesheet' type='text/css' />
</head>
<body>
<div class='main'>
<div class='pane small'>
<a href='/index.html'>
<p>Currently released so far... ${context.build}</p>
</a>
<div id='browse'>
<h3>Browse latest releases</h3>
<div class='sort'><a href='/reldate/${releaseDay}_0.html'>${releaseDay.replace(/-/g, '/')}</a></div>
<h3>Browse by creation date</h3>
<div class='sort'><a href='/date/${month}_0.html'>${month}</a></div>
<h3>Browse by origin</h3>
<div class='sort'><a href='/origin/${cable.originNumber}_0.html'>${escapeHtml(cable.origin)}</a></div>
<h3>Browse by tag</h3>
<div class='sort'>${cable.tags.map((t) => `<a href='/tag/${t}_0.html'>${t}</a>`).join('\n')}</div>
<h3>Browse by classification</h3>
<div class='sort'><a href='/classification/${cable.classificationNumber}_0.html'>${cable.classification}</a></div>
</div>
<p>
<i>
a fictional demo archive
</i>
</p>
</div>
<div class='pane big'>
<h3>Viewing cable ${cable.id}, ${escapeHtml(firstSubjectLine)}</h3>
<div>
This cable is fictional: it was generated for the Cablegate demo archive.
<br />
</div>
<table class='cable'>
<tr>
<th>Reference ID</th>
<th>Created</th>
<th>Released</th>
<th>Classification</th>
<th>Origin</th>
</tr>
<tr>
<td>
<a href='/cable/${cable.folder}/${cable.id}.html'>${cable.id}</a>
</td>
<td>
<a href='/date/${month}_0.html'>${cable.createdDisplayed}</a>
</td>
<td>
<a href='/reldate/${releaseDay}_0.html'>${cable.releasedDisplayed}</a>
</td>
<td>
<a href='/classification/${cable.classificationNumber}_0.html' title='${cable.classification.toLowerCase()}'>${cable.classification}</a>
</td>
<td>
<a href='/origin/${cable.originNumber}_0.html'>${escapeHtml(cable.origin)}</a>
</td>
</tr>
${articleRow}</table>
${firstBlock === null ? '' : `<code><pre>${preBlock(firstBlock)}</pre></code>\n`}<code><pre>${preBlock(cable.body)}</pre></code>
</div>
</div>
<script src='/static/js/cables.js' type='text/javascript'></script>
</body>
</html>
`;
}
