/**
 * The six classifications the Cablegate site used, with the site's own numbering
 * (`/classification/N_0.html`).
 */
export const CLASSIFICATIONS = [
  'CONFIDENTIAL',
  'CONFIDENTIAL//NOFORN',
  'SECRET',
  'SECRET//NOFORN',
  'UNCLASSIFIED',
  'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
] as const;

export type Classification = (typeof CLASSIFICATIONS)[number];

/** The site's number for a classification: 1 CONFIDENTIAL ... 6 UNCLASSIFIED//FOUO. */
export function classificationNumber(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c) + 1;
}

export function classificationByNumber(n: number): Classification | null {
  return Number.isInteger(n) && n >= 1 && n <= 6 ? CLASSIFICATIONS[n - 1] : null;
}

export function isClassification(s: string): s is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(s);
}

/** The level without the caveat: SECRET//NOFORN -> SECRET. */
export function classificationLevel(c: Classification): 'CONFIDENTIAL' | 'SECRET' | 'UNCLASSIFIED' {
  return c.split('//')[0] as 'CONFIDENTIAL' | 'SECRET' | 'UNCLASSIFIED';
}
