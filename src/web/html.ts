/**
 * HTML building with one escaping rule: every interpolated value is escaped unless it
 * is already a `SafeHtml` (built by this tag or explicitly trusted with `raw`).
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Characters that start an embedding, override or isolate (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** A run from an initiator to its terminator (PDF, PDI) or the end of the line (a paragraph end stops them anyway). */
const BIDI_RUN = /[\u202A\u202B\u202D\u202E\u2066-\u2068][^\n\u202C\u2069]*[\u202C\u2069]?|[\u202C\u2069]/g;

/**
 * Escaped text with each bidi override/embedding run (a cable's U+202E, say) inside its own
 * `<bdi>`: the run may reorder itself but never the text around it (an id, a date, the next
 * words of the cable). For element text only: `escaped` is already escaped, so it holds no tag.
 */
export function isolateBidi(escaped: string): string {
  return BIDI_CONTROL.test(escaped) ? escaped.replace(BIDI_RUN, (run) => `<bdi>${run}</bdi>`) : escaped;
}

/** Where the next value of a template goes: inside a tag (an attribute), in `<title>` (text only), or element text. */
function contextOf(out: string): 'attribute' | 'title' | 'text' {
  if (out.lastIndexOf('<') > out.lastIndexOf('>')) return 'attribute';
  return /<title>[^<]*$/.test(out) ? 'title' : 'text';
}

function render(value: HtmlValue, context: () => 'attribute' | 'title' | 'text'): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v) => render(v, context)).join('');
  const text = escapeHtml(String(value));
  if (!BIDI_CONTROL.test(text)) return text;
  const where = context();
  if (where === 'text') return isolateBidi(text);
  // A title or an attribute cannot hold markup: the controls are dropped there.
  return where === 'title' ? text.replace(new RegExp(BIDI_CONTROL.source, 'g'), '') : text;
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text` (and isolates bidi overrides in element text). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i], () => contextOf(out)) + strings[i + 1];
  return new SafeHtml(out);
}

/** Trust a string as HTML (only for markup this code produced itself). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export function join(parts: HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const text = () => 'text' as const;
  return new SafeHtml(parts.map((p) => render(p, text)).join(render(separator, text)));
}
