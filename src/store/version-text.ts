/**
 * When a text of a cable is a new *version*: only when what the cable says changes (its
 * header, body, subject, or the metadata the site shows), not when the same text comes in
 * another build's markup (navigation, counters, attributes). Another build of the same
 * text is recorded as a *sighting* of the version it repeats ("also seen in").
 * Both stores decide with `saysSame`; migration 006 folds existing noise versions by the
 * same fields (SAID_FIELDS), compared in SQL.
 */
import type { ParsedCable } from '../domain/cable.js';

/** What a reader is shown of a cable: a difference in any of these makes a new version. */
export const SAID_FIELDS = ['header', 'body', 'subject', 'created', 'released', 'classification', 'origin', 'tags', 'references', 'partial'] as const satisfies ReadonlyArray<keyof ParsedCable>;

/** True when two parses say the same (every SAID_FIELDS value equal). */
export function saysSame(a: ParsedCable, b: ParsedCable): boolean {
  return SAID_FIELDS.every((f) => JSON.stringify(a[f] ?? null) === JSON.stringify(b[f] ?? null));
}
