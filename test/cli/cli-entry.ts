/**
 * The `cablegate` command run from the sources (no build needed): tests spawn
 * `node --import tsx test/cli/cli-entry.ts ARGS` to get a real, separate CLI process.
 */
import { run } from '../../src/cli/main.js';

process.exitCode = await run(process.argv);
