/**
 * Child process of the generation benchmark: writes a demo corpus into a fresh
 * folder, reports time and peak RSS, then deletes the folder.
 * Usage: child-generate <count> <seed> <out dir>
 */
import { rmSync } from 'node:fs';
import { generateDemoCorpus } from '../src/demo/generate-demo-corpus.js';
import { reportResult } from './run-child.js';

const [countArg, seedArg, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const t0 = performance.now();
const { files, bytes } = await generateDemoCorpus({ count: Number(countArg), seed: Number(seedArg), out });
const seconds = (performance.now() - t0) / 1000;
rmSync(out, { recursive: true, force: true });
reportResult({ files, bytes, seconds });
