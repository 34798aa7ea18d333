/**
 * Runs one benchmark step in a fresh Node process, so its peak RSS is its own. The
 * child prints one JSON line starting with `BENCH_RESULT ` on stdout; its stderr is
 * passed through.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Prints the child's result (for the parent to read). */
export function reportResult(result: object): void {
  const maxRssMiB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, maxRssMiB })}\n`);
}

export type ChildOutcome<T> = { ok: true; result: T & { maxRssMiB: number } } | { ok: false; error: string };

/** Runs bench/<script> with args; resolves with its result or why it failed. */
export function runChild<T>(script: string, args: string[]): Promise<ChildOutcome<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, join(here, `${script}${ext}`), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    });
    child.on('error', (e) => resolve({ ok: false, error: e.message }));
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) {
        resolve({ ok: true, result: JSON.parse(line.slice(RESULT_PREFIX.length)) as T & { maxRssMiB: number } });
      } else {
        // The first line naming an error says most; stack frames say little.
        const lines = stderr.trim().split('\n');
        const first = lines.find((l) => /error|Error|ERR_/.test(l)) ?? lines[lines.length - 1] ?? '';
        resolve({ ok: false, error: `${script} exited with code ${String(code)}${first ? `: ${first.trim()}` : ''}` });
      }
    });
  });
}
