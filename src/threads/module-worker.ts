/**
 * Starts a worker thread on a module of this project: the compiled .js beside the caller,
 * or, when the caller itself runs as TypeScript (tests, tsx), the .ts module with tsx
 * loaded into the worker too.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** `beside`: the caller's `import.meta.url`; `name`: the worker module's file name without extension. */
export function moduleWorker(beside: string, name: string, options: { workerData?: unknown; resourceLimits?: ResourceLimits } = {}): Worker {
  if (beside.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const file = new URL(`./${name}.ts`, beside).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL(`./${name}.js`, beside), options);
}
