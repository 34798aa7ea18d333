/**
 * Posting lists of many terms in little memory while an index segment is built: every
 * term's document numbers (ascending) are kept as varint gaps in a chain of blocks carved
 * from 4 MB pages (blocks grow from 8 to 2,048 bytes; the last 4 bytes of a block point
 * to the next one), with per-term state in typed arrays. About one byte a posting plus a
 * few dozen bytes a term, instead of a JS array per term.
 */

const PAGE_BITS = 22;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;
const LEVELS = [8, 16, 32, 64, 128, 256, 512, 1024, 2048];
const TOP = LEVELS.length - 1;

function grow<T extends Uint32Array | Int32Array | Uint8Array>(a: T, min: number, make: (n: number) => T): T {
  if (a.length > min) return a;
  const next = make(Math.max(min + 1, a.length * 2));
  next.set(a);
  return next;
}

export class PostingPool {
  private readonly pages: Uint8Array[] = [];
  private used = PAGE;
  private head = new Uint32Array(1024);
  private pos = new Uint32Array(1024);
  private end = new Uint32Array(1024);
  private level = new Uint8Array(1024);
  private last = new Int32Array(1024);
  private counts = new Uint32Array(1024);
  private terms = 0;

  get termCount(): number {
    return this.terms;
  }

  /** Bytes held by the pages. */
  get bytes(): number {
    return this.pages.length * PAGE;
  }

  count(term: number): number {
    return this.counts[term];
  }

  newTerm(): number {
    const t = this.terms++;
    if (t >= this.head.length) {
      this.head = grow(this.head, t, (n) => new Uint32Array(n));
      this.pos = grow(this.pos, t, (n) => new Uint32Array(n));
      this.end = grow(this.end, t, (n) => new Uint32Array(n));
      this.level = grow(this.level, t, (n) => new Uint8Array(n));
      this.last = grow(this.last, t, (n) => new Int32Array(n));
      this.counts = grow(this.counts, t, (n) => new Uint32Array(n));
    }
    const a = this.alloc(LEVELS[0]);
    this.head[t] = a;
    this.pos[t] = a;
    this.end[t] = a + LEVELS[0] - 4;
    this.level[t] = 0;
    this.last[t] = -1;
    this.counts[t] = 0;
    return t;
  }

  /** Adds `doc` to the term's list; documents come in ascending order, a repeat is ignored. */
  add(term: number, doc: number): void {
    const prev = this.last[term];
    if (prev === doc) return;
    if (doc < prev) throw new Error(`postings must be added in ascending order (${doc} after ${prev})`);
    let gap = doc - prev;
    this.last[term] = doc;
    this.counts[term]++;
    while (gap >= 128) {
      this.put(term, (gap & 127) | 128);
      gap >>>= 7;
    }
    this.put(term, gap);
  }

  /** Writes the term's documents into `out` (at least count(term) long); returns how many. */
  read(term: number, out: Uint32Array): number {
    let p = this.head[term];
    let lv = 0;
    let e = p + LEVELS[0] - 4;
    const stop = this.pos[term];
    let doc = -1;
    let v = 0;
    let shift = 0;
    let n = 0;
    while (p !== stop) {
      if (p === e) {
        p = this.u32(e);
        lv = Math.min(lv + 1, TOP);
        e = p + LEVELS[lv] - 4;
        continue;
      }
      const b = this.pages[p >>> PAGE_BITS][p & MASK];
      p++;
      v += (b & 127) * 2 ** shift;
      if (b < 128) {
        doc += v;
        out[n++] = doc;
        v = 0;
        shift = 0;
      } else shift += 7;
    }
    return n;
  }

  private put(term: number, b: number): void {
    let p = this.pos[term];
    if (p === this.end[term]) {
      const lv = Math.min(this.level[term] + 1, TOP);
      const a = this.alloc(LEVELS[lv]);
      const page = this.pages[p >>> PAGE_BITS];
      const o = p & MASK;
      page[o] = a & 255;
      page[o + 1] = (a >>> 8) & 255;
      page[o + 2] = (a >>> 16) & 255;
      page[o + 3] = a >>> 24;
      this.level[term] = lv;
      this.end[term] = a + LEVELS[lv] - 4;
      p = a;
    }
    this.pages[p >>> PAGE_BITS][p & MASK] = b;
    this.pos[term] = p + 1;
  }

  private u32(p: number): number {
    const page = this.pages[p >>> PAGE_BITS];
    const o = p & MASK;
    return (page[o] | (page[o + 1] << 8) | (page[o + 2] << 16)) + page[o + 3] * 0x1000000;
  }

  private alloc(size: number): number {
    if (this.used + size > PAGE) {
      if (this.pages.length >= 1024) throw new Error('search index postings exceed 4 GB');
      this.pages.push(new Uint8Array(PAGE));
      this.used = 0;
    }
    const a = (this.pages.length - 1) * PAGE + this.used;
    this.used += size;
    return a;
  }
}
