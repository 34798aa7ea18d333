/**
 * "Understanding cables": how to read a cable, an FAQ, and the glossary of TAGS. The text
 * is data (sections of paragraphs and terms) so the JSON twin carries the same content.
 */
import { html } from './html.js';
import type { Page, PageData, WebContext } from './page.js';
import { aboutPath, browsePath } from './paths.js';
import { allTagMeanings } from './tag-meanings.js';

export interface Section {
  heading: string;
  paragraphs: string[];
  terms?: Array<{ term: string; definition: string }>;
}

export interface ArticleData extends PageData {
  sections: Section[];
}

export interface GlossaryData extends PageData {
  intro: string;
  /** `url` is null when no released cable carries the tag. */
  tags: Array<{ tag: string; meaning: string; count: number; url: string | null }>;
}

const READING: Section[] = [
  {
    heading: 'The three boxes',
    paragraphs: [
      'Every cable page shows three parts. The top box is the archive’s record: the unique reference ID, when the cable was created, when it was released here, its original classification and the post that sent it. Each links to the list of cables sharing that value.',
      'The middle box is the routing header: the machine-readable envelope that told the telegraph network who sends the message, to whom, and how urgently. Some sources have no header; then the box is missing.',
      'The bottom box is the text itself: the classification line, handling caveats, the E.O. 12958 line, TAGS, SUBJECT, references to earlier cables (REF), the classifying officer, and then the numbered paragraphs, usually a summary, the details and a comment, and the signature.',
    ],
  },
  {
    heading: 'Reference IDs',
    paragraphs: [
      'A reference ID such as 10DAMASCUS159 is the two-digit year, the sending post and a serial number: the 159th cable Embassy Damascus sent in 2010. Cables from Washington use STATE (10STATE12345). The same numbers appear in REF lines, which is how cables cite each other.',
    ],
  },
  {
    heading: 'The routing header',
    paragraphs: ['The header is a sequence of lines in a fixed format, inherited from the teletype era.'],
    terms: [
      { term: 'Precedence', definition: 'How fast the message must be handled: FLASH, NIACT IMMEDIATE (night action: wake someone up), IMMEDIATE, PRIORITY or ROUTINE. Letters such as O, P and R at the start of a line abbreviate them (PP is priority, OO immediate).' },
      { term: 'DTG (date-time group)', definition: 'When the message was sent, in the form DDHHMMZ MON YY: 241408Z FEB 10 is the 24th of February 2010 at 14:08 Zulu (UTC). The creation time shown in the top box comes from it.' },
      { term: 'Routing indicators', definition: 'Codes like RUEHDM (Embassy Damascus) or RUEHC (the Secretary of State) name stations of the telegraph network. DE gives the sending station and the transmission number; FM and TO name sender and addressees; INFO lists posts that receive a copy.' },
      { term: 'Message continuity numbers', definition: 'The four-digit number after an addressee counts the messages between that pair of stations, so gaps could be detected.' },
      { term: 'XMT', definition: 'Excludes posts from a collective address (a group of posts such as all embassies in a region).' },
    ],
  },
  {
    heading: 'Classification and caveats',
    paragraphs: [
      'Cables are UNCLASSIFIED, CONFIDENTIAL or SECRET (TOP SECRET traffic is not in this archive). The classification line is spelled with spaces, S E C R E T, at the top of the text.',
      'Caveats restrict who may read the cable: NOFORN (no foreign nationals), EXDIS (exclusive distribution), NODIS (no distribution beyond the addressees), LIMDIS (limited distribution), SIPDIS (may be put on the SIPRNet network, which is how these cables became accessible). FOR OFFICIAL USE ONLY marks unclassified text not meant for the public.',
    ],
  },
  {
    heading: 'Portion markings',
    paragraphs: [
      'Each paragraph starts with its own classification in parentheses: (U) unclassified, (SBU) sensitive but unclassified, (C) confidential, (S) secret, (S/NF) secret, no foreign nationals. A cable is classified at the level of its most sensitive paragraph.',
      'Paragraph numbers carry a ¶ sign: it is a permalink to that paragraph.',
    ],
  },
  {
    heading: 'TAGS',
    paragraphs: [
      'TAGS (Traffic Analysis by Geography and Subject) index the cable: subject codes such as PREL (external political relations), PGOV (internal governmental affairs) or PTER (terrorism), country codes such as SY (Syria), and sometimes names of people or programs. Each tag links to the cables sharing it. See the glossary of TAGS.',
    ],
  },
  {
    heading: 'E.O. 12958 and declassification',
    paragraphs: [
      'The line E.O. 12958: DECL: 02/24/2020 cites the executive order under which the cable was classified and the date after which it may be declassified. “Classified By” names the officer and the reasons, which refer to the categories of section 1.4 of the order, for instance 1.4 (b) foreign government information and 1.4 (d) foreign relations or activities of the United States.',
    ],
  },
  {
    heading: 'Redactions',
    paragraphs: [
      'Names of people whose safety could be at risk were removed before publication and replaced by XXXXXXXXXXXX. They are shown here as dark bars. Some records are only a partial extract of the original cable; their page says so.',
    ],
  },
];

const FAQ: Section[] = [
  { heading: 'Why are not all cables here?', paragraphs: ['Cables are released in stages. The home page shows how many are released so far out of the whole collection. A cable that is not released yet does not exist on this site: its page, counts and citations appear only once it is released.'] },
  { heading: 'Why do some creation times look odd?', paragraphs: ['The original site showed minutes that repeated the hour. This archive takes the creation time from the date-time group (DTG) in the cable’s header, which is the authoritative one.'] },
  { heading: 'What does “versions” mean on a cable page?', paragraphs: ['The same cable was published several times, sometimes re-dated, re-redacted or corrected. Each distinct text is kept as a version; the current one is shown. A version’s source is named by its kind (a page of the original site, cables.csv, plain text), never by where the publisher keeps the file.'] },
  { heading: 'Can I link to a paragraph?', paragraphs: ['Yes: the ¶ sign before each numbered paragraph is a link to it. Copy it, or add #par3 to a cable’s address for paragraph 3.'] },
  { heading: 'Is there a machine-readable version?', paragraphs: ['Every page has a JSON twin: replace .html by .json in the address (the home page is /index.json). The page announces it with a link rel="alternate" element.'] },
  {
    heading: 'Do links to the original site still work?',
    paragraphs: [
      'Cable pages (/cable/2010/02/10DAMASCUS159.html), release dates (/reldate/2010-11-28_0.html), creation months (/date/2010-02_0.html), tags (/tag/PREL_0.html) and classifications (/classification/3_0.html: the six numbers meant the same in every build) answer at the same addresses.',
      'Origin numbers (/origin/109_0.html) do not always: the original site numbered its origins anew in each build, so 109 was Embassy Damascus in the April 2011 build and another post in December 2010. A number that meant the same origin in every build we know leads straight to that origin; any other answers a page that lists what the number meant in each build, so you can choose. Origins have readable addresses here, such as /origin/embassy-damascus_0.html.',
    ],
  },
];

export function loadUnderstanding(): Page<ArticleData> {
  return {
    data: { title: 'Understanding cables', url: aboutPath.understanding(), json: aboutPath.understanding('json'), sections: READING },
    render: renderArticle,
  };
}

export function loadFaq(): Page<ArticleData> {
  return {
    data: { title: 'Frequently asked questions', url: aboutPath.faq(), json: aboutPath.faq('json'), sections: FAQ },
    render: renderArticle,
  };
}

export async function loadGlossary(ctx: WebContext): Promise<Page<GlossaryData>> {
  const counts = new Map((await ctx.store.countBy('tag', { releasedOnly: true })).map((r) => [r.key, r.count]));
  return {
    data: {
      title: 'Glossary of TAGS',
      url: aboutPath.glossary(),
      json: aboutPath.glossary('json'),
      intro: 'What the TAGS of a cable mean: subject codes, organizations and country codes. Short descriptions written for this archive; tags not listed here are names of people, programs or one-off codes.',
      tags: allTagMeanings().map((t) => ({ ...t, count: counts.get(t.tag) ?? 0, url: counts.has(t.tag) ? browsePath.tag(t.tag) : null })),
    },
    render: (d) => html`<h1>${d.title}</h1>
<p>${d.intro}</p>
<p>Tags with released cables link to them.</p>
<dl class="glossary">${d.tags.map((t) => html`<dt id="tag-${t.tag}">${t.url ? html`<a href="${t.url}">${t.tag}</a> <small>(${t.count})</small>` : t.tag}</dt><dd>${t.meaning}</dd>`)}</dl>`,
  };
}

function renderArticle(d: ArticleData) {
  return html`<h1>${d.title}</h1>
<nav aria-label="Understanding cables"><ul>
<li><a href="${aboutPath.understanding()}">How to read a cable</a></li>
<li><a href="${aboutPath.faq()}">FAQ</a></li>
<li><a href="${aboutPath.glossary()}">Glossary of TAGS</a></li>
<li><a href="/understanding/search.html">How to search: the query language</a></li>
</ul></nav>
${d.sections.map(
  (s) => html`<section><h2>${s.heading}</h2>
${s.paragraphs.map((p) => html`<p>${p}</p>`)}
${s.terms ? html`<dl class="glossary">${s.terms.map((t) => html`<dt>${t.term}</dt><dd>${t.definition}</dd>`)}</dl>` : ''}
</section>`,
)}`;
}
