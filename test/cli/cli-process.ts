/**
 * Real `cablegate` processes for tests, run from the sources through tsx (cli-entry.ts):
 * one-shot commands, and `serve` processes on free loopback ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../support/corpus.js';

const entry = join(projectRoot, 'test', 'cli', 'cli-entry.ts');

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the process exits, with its code and what it printed. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `cablegate ARGS` in its own process (CABLEGATE_DB cleared: pass --db). */
export function startCli(args: string[]): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: projectRoot,
    env: { ...process.env, CABLEGATE_DB: '', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += String(d)));
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** Runs `cablegate ARGS` to the end. */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return startCli(args).done;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve, reject) => s.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface ServeProcess {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  base: string;
  /** What the server printed on stderr so far (unexpected errors are logged there). */
  stderr(): string;
  /** SIGTERM, then the exit code (serve exits 0 on SIGTERM). */
  stop(): Promise<number | null>;
}

/** Starts `cablegate serve --db DB` on a free port and waits until it listens. */
export async function startServe(db: string, timeoutMs = 60_000): Promise<ServeProcess> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const run = startCli(['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port)]);
    let out = '';
    let err = '';
    run.child.stdout?.on('data', (d) => (out += String(d)));
    run.child.stderr?.on('data', (d) => (err += String(d)));
    const listening = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const check = () => {
        if (/serving the archive on http:\/\//.test(out)) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      run.child.stdout?.on('data', check);
      void run.done.then(() => {
        clearTimeout(timer);
        resolve(/serving the archive/.test(out));
      });
    });
    if (listening) {
      return {
        base: `http://127.0.0.1:${port}`,
        stderr: () => err,
        stop: async () => {
          if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
          return (await run.done).code;
        },
      };
    }
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await run.done;
    // Another program took the port between freePort() and listen: try another one.
    if (attempt < 2 && /E_PORT_IN_USE/.test(err)) continue;
    throw new Error(`cablegate serve did not start: ${err || out}`);
  }
}
