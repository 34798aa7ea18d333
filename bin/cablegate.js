#!/usr/bin/env node
// Entry point of the `cablegate` command: runs the compiled CLI (built by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const main = join(root, 'dist', 'src', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('cablegate: the compiled CLI is missing (dist/src/cli/main.js). Run `npm install` or `npm run build` in ' + root + '.');
  process.exit(2);
}
const { run } = await import(main);
process.exitCode = await run(process.argv);
