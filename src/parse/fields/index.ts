/**
 * The field-level parser API (pure functions). TEMPORARY placeholder signatures:
 * the field parsers are being written; each export below is replaced by a real module.
 */
import type { Recipient, Reference } from '../../domain/cable.js';

export type TagKind = 'unknown' | 'subject' | 'person' | 'program' | 'geo' | 'org' | string;

export function canonicalizeId(id: string): string { return id.trim().toUpperCase(); }
export function parseTags(_content: string, _opts: { canonicalize?: boolean } = {}): string[] { return []; }
export function parseSubject(_content: string, _opts: { clean?: boolean } = {}): string { return ''; }
export function parseReferences(_content: string, _opts: { year: number | null; referenceId: string | null }): Reference[] { return []; }
export function parseRecipients(_header: string): Recipient[] { return []; }
export function parseInfoRecipients(_header: string): Recipient[] { return []; }
export function parseSigners(_content: string, _opts: { canonicalize?: boolean } = {}): string[] { return []; }
export function parseClassifiedBy(_content: string, _opts: { normalize?: boolean } = {}): string[] { return []; }
export function parseSummary(_content: string): string | null { return null; }
export function parseNondisclosureDeadline(_content: string): string | null { return null; }
export function titlefy(s: string): string { return s; }
export function tagKind(_tag: string, fallback: TagKind = 'unknown'): TagKind { return fallback; }
export function cleanContent(s: string): string { return s; }
