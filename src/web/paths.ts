/**
 * Every URL the site serves is built here, so pages, redirects and the docs agree.
 * Browse pages are numbered from 0: `/reldate/2010-12-06_0.html`.
 */
import { classificationNumber, type Classification } from '../domain/classification.js';

export type Ext = 'html' | 'json';

/** `Embassy Port Au Prince` -> `embassy-port-au-prince` (stable, readable, lower-case ASCII). */
export function originSlug(origin: string): string {
  const slug = origin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'unknown';
}

/** `2010-02-24T14:08Z` -> `2010/02`, or null when the date is missing or malformed. */
export function createdYearMonth(created: string | null): { year: string; month: string } | null {
  const m = created ? /^(\d{4})-(\d{2})/.exec(created) : null;
  return m ? { year: m[1], month: m[2] } : null;
}

export function cablePath(canonicalId: string, created: string | null, ext: Ext = 'html'): string {
  const ym = createdYearMonth(created);
  const folder = ym ? `${ym.year}/${ym.month}` : '0000/00';
  return `/cable/${folder}/${encodeURIComponent(canonicalId)}.${ext}`;
}

export const browsePath = {
  reldate: (day: string, page = 0, ext: Ext = 'html') => `/reldate/${day}_${page}.${ext}`,
  date: (month: string, page = 0, ext: Ext = 'html') => `/date/${month}_${page}.${ext}`,
  origin: (origin: string, page = 0, ext: Ext = 'html') => `/origin/${originSlug(origin)}_${page}.${ext}`,
  tag: (tag: string, page = 0, ext: Ext = 'html') => `/tag/${encodeURIComponent(tag)}_${page}.${ext}`,
  classification: (c: Classification, page = 0, ext: Ext = 'html') => `/classification/${classificationNumber(c)}_${page}.${ext}`,
};

export type BrowseKind = keyof typeof browsePath;

export const indexPath = {
  home: (ext: Ext = 'html') => (ext === 'html' ? '/' : '/index.json'),
  reldate: (ext: Ext = 'html') => `/reldate/index.${ext}`,
  date: (ext: Ext = 'html') => `/date/index.${ext}`,
  origin: (ext: Ext = 'html') => `/origin/index.${ext}`,
  tag: (ext: Ext = 'html') => `/tag/index.${ext}`,
  classification: (ext: Ext = 'html') => `/classification/index.${ext}`,
};

export const aboutPath = {
  understanding: (ext: Ext = 'html') => `/understanding/index.${ext}`,
  faq: (ext: Ext = 'html') => `/understanding/faq.${ext}`,
  glossary: (ext: Ext = 'html') => `/understanding/tags.${ext}`,
};

export const STYLESHEET_PATH = '/static/cablegate.css';

/** The same path with the other extension (`/` <-> `/index.json`). */
export function twinPath(path: string, ext: Ext): string {
  if (path === '/' || path === '/index.html' || path === '/index.json') return indexPath.home(ext);
  return path.replace(/\.(html|json)$/, `.${ext}`);
}
