/**
 * The number encodings of the search index, all in JSON-safe ASCII:
 * - VLQ: unsigned integers in the base64url alphabet, 5 bits a character, low bits
 *   first; a character of value 32 or more says another follows (as in source maps,
 *   without the sign bit). 0..31 take one character, up to 1,023 two, up to 32,767 three.
 * - A posting list (the ascending document numbers of a term in one segment) is either
 *   the VLQ of its gaps (first gap from `first - 1`), or, when shorter, `~` and a bitmap
 *   of the segment's documents, 6 a character (bit j of character i: document
 *   first + 6i + j).
 * - Signed series (release times) are VLQ of zigzag deltas.
 * The browser decodes them with the same rules (search-index-query.ts); tests check both agree.
 */

export const VLQ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODE = new Uint8Array(64);
for (let i = 0; i < 64; i++) CODE[i] = VLQ_ALPHABET.charCodeAt(i);
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUE[CODE[i]] = i;
const TILDE = 0x7e;

/** A growable ASCII byte buffer; `view()` is valid until the next write. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  /** ASCII only (the caller guarantees it). */
  ascii(s: string): void {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }

  vlq(n: number): void {
    this.ensure(11);
    while (n >= 32) {
      this.buf[this.length++] = CODE[32 | n % 32];
      n = Math.floor(n / 32);
    }
    this.buf[this.length++] = CODE[n];
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  text(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.length).toString('latin1');
  }
}

export function vlqLength(n: number): number {
  let len = 1;
  while (n >= 32) {
    n = Math.floor(n / 32);
    len++;
  }
  return len;
}

/** Writes the posting list of `docs[0..count)` (ascending, relative to the segment's first document). */
export function writePostings(out: ByteWriter, docs: Uint32Array | number[], count: number): void {
  if (count === 0) return;
  let gapsLength = 0;
  let prev = -1;
  for (let i = 0; i < count; i++) {
    gapsLength += vlqLength(docs[i] - prev);
    prev = docs[i];
  }
  const bitmapLength = 1 + Math.ceil((docs[count - 1] + 1) / 6);
  if (bitmapLength < gapsLength) {
    out.byte(TILDE);
    let i = 0;
    for (let c = 0; c * 6 <= docs[count - 1]; c++) {
      let bits = 0;
      while (i < count && docs[i] < c * 6 + 6) bits |= 1 << (docs[i++] - c * 6);
      out.byte(CODE[bits]);
    }
    return;
  }
  prev = -1;
  for (let i = 0; i < count; i++) {
    out.vlq(docs[i] - prev);
    prev = docs[i];
  }
}

export function encodeNumbers(values: Iterable<number>): string {
  const w = new ByteWriter();
  for (const v of values) w.vlq(v);
  return w.text();
}

export function decodeNumbers(s: string): number[] {
  const out: number[] = [];
  let v = 0;
  let mult = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? VALUE[c] : -1;
    if (d < 0) throw new Error(`not a VLQ character: ${JSON.stringify(s[i])}`);
    if (d >= 32) {
      v += (d - 32) * mult;
      mult *= 32;
    } else {
      out.push(v + d * mult);
      v = 0;
      mult = 1;
    }
  }
  return out;
}

/** Ascending numbers as their gaps (first from -1). */
export function encodeAscending(values: readonly number[]): string {
  const w = new ByteWriter();
  let prev = -1;
  for (const v of values) {
    w.vlq(v - prev);
    prev = v;
  }
  return w.text();
}

export function decodeAscending(s: string): number[] {
  let prev = -1;
  return decodeNumbers(s).map((g) => (prev += g));
}

/** Document numbers of a posting list of a segment starting at `first`. */
export function decodePostings(s: string, first: number): number[] {
  if (s.charCodeAt(0) === TILDE) {
    const out: number[] = [];
    for (let i = 1; i < s.length; i++) {
      const d = VALUE[s.charCodeAt(i)];
      for (let b = 0; b < 6; b++) if (d & (1 << b)) out.push(first + (i - 1) * 6 + b);
    }
    return out;
  }
  return decodeAscending(s).map((d) => d + first);
}

export function postingsText(docs: readonly number[], first: number): string {
  const w = new ByteWriter();
  writePostings(w, docs.map((d) => d - first), docs.length);
  return w.text();
}

export const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
