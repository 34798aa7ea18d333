/**
 * Starts one of the export's worker threads (a module of this folder), from the built
 * JavaScript or, when the export itself runs as TypeScript (tests, tsx), through tsx.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function spawnWorker(module: 'render-worker' | 'digest-worker', workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const file = new URL(`./${module}.ts`, import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`;
    return new Worker(boot, { eval: true, workerData, resourceLimits });
  }
  return new Worker(new URL(`./${module}.js`, import.meta.url), { workerData, resourceLimits });
}
