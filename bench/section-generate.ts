/** Benchmark section `generate`: demo corpus generation speed, in a fresh process. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './run-child.js';
import type { BenchContext, SectionResult } from './bench-context.js';

export async function benchGenerate(ctx: BenchContext): Promise<SectionResult> {
  const out = join(tmpdir(), `cablegate-bench-generate-${process.pid}`);
  ctx.log(`generate: ${ctx.count.toLocaleString('en-US')} demo cables into ${out} (deleted afterwards)`);
  const r = await runChild<{ files: number; bytes: number; seconds: number }>('child-generate', [String(ctx.count), String(ctx.seed), out]);
  if (!r.ok) return { ran: false, why: r.error };
  const { files, bytes, seconds, maxRssMiB } = r.result;
  const figures = {
    cables: files,
    megabytes: bytes / 1e6,
    seconds,
    cablesPerSecond: files / seconds,
    megabytesPerSecond: bytes / 1e6 / seconds,
    peakRssMiB: maxRssMiB,
  };
  const lines = [
    `  ${files.toLocaleString('en-US')} pages, ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / files)} bytes/page)`,
    `  ${seconds.toFixed(1)} s, ${Math.round(files / seconds).toLocaleString('en-US')} cables/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, peak RSS ${maxRssMiB.toFixed(0)} MiB`,
  ];
  return { ran: true, figures, lines };
}
