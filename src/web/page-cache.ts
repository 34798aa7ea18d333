/**
 * A bounded, time-limited cache of rendered responses (HTML pages and JSON twins), keyed
 * by path and query. Least recently used entries go first when the byte budget is spent;
 * entries expire after the app's `cacheTtlMs`, so a change of release state shows within
 * that time. Concurrent requests for a page being rendered wait for that one rendering.
 */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: ArrayBuffer;
}

interface Entry {
  value: CachedResponse;
  expires: number;
  bytes: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<CachedResponse | null>>();
  private bytes = 0;
  /** Bumped by clear(): a rendering begun before it is not kept. */
  private generation = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0 && this.ttlMs > 0;
  }

  /** The fresh entry for `key` (now the most recently used), or undefined. */
  get(key: string): CachedResponse | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.delete(key, e);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: CachedResponse): void {
    const bytes = value.body.byteLength + key.length * 2 + 200;
    if (!this.enabled || bytes > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k, e);
    }
  }

  /** A rendering of `key` already under way (its result: the response, or null when not cacheable). */
  inFlight(key: string): Promise<CachedResponse | null> | undefined {
    return this.pending.get(key);
  }

  /** Registers a rendering of `key`; call the returned function with its outcome. */
  begin(key: string): (value: CachedResponse | null) => void {
    let settle!: (value: CachedResponse | null) => void;
    const promise = new Promise<CachedResponse | null>((resolve) => (settle = resolve));
    this.pending.set(key, promise);
    const generation = this.generation;
    return (value) => {
      if (this.pending.get(key) === promise) this.pending.delete(key);
      if (value && generation === this.generation) this.set(key, value);
      settle(value);
    };
  }

  /** Drops every page (the archive changed); renderings under way are not kept either. */
  clear(): void {
    this.entries.clear();
    this.pending.clear();
    this.bytes = 0;
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  private delete(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }
}
