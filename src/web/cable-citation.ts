/**
 * "Cite this cable": the facts a citation needs (id, subject, origin, date, archive, URL,
 * the public version shown and its content hash, the date of access), the one-line
 * citation of the cable page, and the downloads in BibTeX, RIS and CSL-JSON.
 *
 * The downloads are written by citation-js (the maintained citation library that reads and
 * writes CSL-JSON, BibTeX and RIS): one CSL-JSON item is the source of all three, so they
 * never disagree. A cable has no CSL type of its own: it is a `document` whose genre is
 * "Diplomatic cable" and whose number is the reference id.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { ParsedCable } from '../domain/cable.js';
import type { VersionFacts } from '../store/store.js';

/** The archive's name in citations. */
export const ARCHIVE_NAME = 'Cablegate';

export interface CitationFacts {
  id: string;
  subject: string | null;
  origin: string | null;
  /** Creation date `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
  classification: string | null;
  archive: string;
  /** Absolute URL of the cable page. */
  url: string;
  /** The public version shown on the page, and the SHA-256 of its text. */
  version: number;
  contentHash: string;
  /** `YYYY-MM-DD` (UTC) the page was read: when it was served, or when the mirror was exported. */
  accessed: string;
}

export type CitationFormat = 'bibtex' | 'ris' | 'csl';

/** The citation downloads of a cable: the file name next to its page, and the media type. */
export const CITATION_FILES: Record<CitationFormat, { file: string; type: string; label: string }> = {
  bibtex: { file: 'cite.bib', type: 'application/x-bibtex; charset=utf-8', label: 'BibTeX' },
  ris: { file: 'cite.ris', type: 'application/x-research-info-systems; charset=utf-8', label: 'RIS' },
  csl: { file: 'cite.csl.json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', label: 'CSL-JSON' },
};

export function citationFormatOf(file: string): CitationFormat | null {
  for (const [format, f] of Object.entries(CITATION_FILES)) if (f.file === file) return format as CitationFormat;
  return null;
}

/** Path of a citation download: `/cable/YYYY/MM/<ID>/cite.bib` beside `/cable/YYYY/MM/<ID>.html`. */
export function citationPath(cableHtmlPath: string, format: CitationFormat): string {
  return `${cableHtmlPath.replace(/\.html$/, '')}/${CITATION_FILES[format].file}`;
}

/** A value on one line: a line break in a subject would start a new RIS tag or BibTeX line. */
function oneLine(text: string | null): string | null {
  return text === null ? null : text.replace(/\s+/g, ' ').trim() || null;
}

export function citationFacts(input: {
  id: string;
  cable: ParsedCable;
  currentVersion: number;
  versions: Array<Pick<VersionFacts, 'number' | 'contentHash'>>;
  url: string;
  now: Date;
}): CitationFacts {
  const shown = input.versions.find((v) => v.number === input.currentVersion) ?? input.versions[input.versions.length - 1];
  return {
    id: input.id,
    subject: oneLine(input.cable.subject),
    origin: oneLine(input.cable.origin),
    date: input.cable.created && /^\d{4}-\d{2}-\d{2}/.test(input.cable.created) ? input.cable.created.slice(0, 10) : null,
    classification: input.cable.classification,
    archive: ARCHIVE_NAME,
    url: input.url,
    version: shown?.number ?? input.currentVersion,
    contentHash: shown?.contentHash ?? '',
    accessed: input.now.toISOString().slice(0, 10),
  };
}

/** The one-line citation shown on the page (plain text; escaped by the view). */
export function citationLine(f: CitationFacts): string {
  const parts = [
    `${f.id}${f.subject ? `, "${f.subject}"` : ''}`,
    f.origin ?? 'origin unknown',
    f.date ?? 'date unknown',
    `${f.archive}, version ${f.version} (SHA-256 ${f.contentHash})`,
    f.url,
    `accessed ${f.accessed}`,
  ];
  return `${parts.join('. ')}.`;
}

function dateParts(day: string): { 'date-parts': number[][] } {
  return { 'date-parts': [day.split('-').map(Number)] };
}

/** The cable as one CSL-JSON item (the source of every download). */
export function cslItem(f: CitationFacts): Record<string, unknown> {
  return {
    id: f.id,
    type: 'document',
    genre: 'Diplomatic cable',
    title: f.subject ? `${f.id}: ${f.subject}` : f.id,
    number: f.id,
    author: [{ literal: f.origin ?? 'United States Department of State' }],
    ...(f.date ? { issued: dateParts(f.date) } : {}),
    accessed: dateParts(f.accessed),
    publisher: f.archive,
    'container-title': f.archive,
    version: String(f.version),
    URL: f.url,
    note: `Version ${f.version}, SHA-256 ${f.contentHash}${f.classification ? `; classification ${f.classification}` : ''}`,
  };
}

/** A citation download's text. */
export function citationFile(f: CitationFacts, format: CitationFormat): string {
  const cite = new Cite([cslItem(f)]);
  if (format === 'csl') return `${JSON.stringify(cite.format('data', { format: 'object' }), null, 2)}\n`;
  // BibLaTeX's entry fields (urldate, version, number) in a .bib file: plain BibTeX has no
  // field for the date of access or the version, which a citation of a versioned page needs.
  let text = cite.format(format === 'bibtex' ? 'biblatex' : 'ris', { format: 'text' }) as string;
  // citation-js wraps RIS values at 70 characters; readers take a continuation line as a new
  // word, which would break the URL and the content hash: each value is put back on its line.
  if (format === 'ris') text = text.replace(/\r?\n(?![A-Z][A-Z0-9]  - |\r?\n|$)/g, '');
  return text.endsWith('\n') ? text : `${text}\n`;
}
