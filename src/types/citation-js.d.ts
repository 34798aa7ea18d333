/** The part of citation-js this project uses (the packages ship no type declarations). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The items as CSL-JSON. */
    data: Array<Record<string, unknown>>;
    format(format: string, options?: { format?: 'text' | 'html' | 'string' | 'object' }): string | object;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
