/**
 * Builds small fictional site pages in the real layout (XHTML, `<table class='cable'>`,
 * two `<code><pre>` blocks on one line with `&#x000A;` newlines). No real cable text.
 */
export interface FakePage {
  columns?: 4 | 5;
  referenceId?: string;
  created?: string;
  released?: string;
  classification?: string;
  classificationTitle?: string;
  origin?: string;
  header?: string | null;
  body?: string;
  partial?: boolean;
  articles?: { url: string; title: string }[];
  build?: string;
}

const enc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#x000A;');

export function fakeSitePage(p: FakePage = {}): string {
  const id = p.referenceId ?? '09FOOBAR123';
  const cols = p.columns ?? 5;
  const header = p.header === undefined ? 'VZCZCXYZ0001\nPP RUEHWEB\nDE RUEHFB #0123/01 0451230\nZNY CCCCC ZZH\nP 141230Z FEB 09\nFM AMEMBASSY FOO BAR\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001' : p.header;
  const body = p.body ?? 'C O N F I D E N T I A L SECTION 01 OF 02 FOO BAR 000123\n\nSIPDIS\n\nE.O. 12958: DECL: 02/14/2019\nTAGS: PREL, XX\nSUBJECT: A FICTIONAL SUBJECT\n\nClassified By: Someone, reasons 1.4 (b) and (d)\n\n1. (C) First paragraph with XXXXXXXXXXXX redacted.\n\n2. (C) COMMENT: A fictional remark. END COMMENT.\nDOE';
  const bodyHtml = enc(body)
    .replace(/^(\d+)\. /gm, "<a id='par$1' href='#par$1'>¶</a>$1. ")
    .replace(/&#x000A;(\d+)\. /g, "&#x000A;<a id='par$1' href='#par$1'>¶</a>$1. ")
    .replace(/TAGS: PREL, XX/, "TAGS: <a href='/tag/PREL_0.html'>PREL</a>, <a href='/tag/XX_0.html'>XX</a>");
  const th = cols === 5 ? ['Reference ID', 'Created', 'Released', 'Classification', 'Origin'] : ['Reference ID', 'Date', 'Classification', 'Origin'];
  const cells = [
    `<a href='/cable/2009/02/${id}.html'>${id}</a>`,
    `<a href='/date/2009-02_0.html'>${p.created ?? '2009-02-14 12:12'}</a>`,
    ...(cols === 5 ? [`<a href='/reldate/2010-12-01_0.html'>${p.released ?? '2010-12-01 21:09'}</a>`] : []),
    `<a href='/classification/1_0.html' title='${p.classificationTitle ?? 'secret'}'>${p.classification ?? 'CONFIDENTIAL'}</a>`,
    `<a href='/origin/99_0.html'>${p.origin ?? 'Embassy Foo Bar'}</a>`,
  ];
  const articles = p.articles
    ? `<tr>\n<td colspan='${cols}'>\nAppears in these articles:<br />\n${p.articles.map((a) => `<a href='${a.url}'>${a.title}</a><br />`).join('\n')}\n</td>\n</tr>\n`
    : `<tr>\n<td colspan='${cols}'></td>\n</tr>\n`;
  const pres = [
    ...(p.partial ? ['This record is a partial extract of the original cable. The full text of the original cable is not available.'] : header === null ? [] : [enc(header)]),
    bodyHtml,
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>Cable reference id: #${id}</title></head>
<body>
<div class='pane big'>
<p>Currently released so far... ${p.build ?? '1295 / 251,287'}</p>
<ul><li><a href='/reldate/2010-11-28_0.html'>2010/11/28</a></li><li><a href='/origin/1_0.html'>Embassy Elsewhere</a></li></ul>
<table class='cable'>
<tr>
${th.map((t) => `<th>${t}</th>`).join('\n')}
</tr>
<tr>
${cells.map((c) => `<td>\n${c}\n</td>`).join('\n')}
</tr>
${articles}</table>
${pres.map((x) => `<code><pre>${x}</pre></code>`).join('\n')}
</div>
</body>
</html>
`;
}
