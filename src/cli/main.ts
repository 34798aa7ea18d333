import { Command, CommanderError } from 'commander';
import { isCablegateError } from '../domain/errors.js';
import { registerImportCommand } from './commands/import.js';
import { registerImportArticlesCommand } from './commands/import-articles.js';
import { registerParseCommand } from './commands/parse.js';
import { registerStatsCommand } from './commands/stats.js';
import { registerExportJsonlCommand } from './commands/export-jsonl.js';
import { registerServeCommand } from './commands/serve.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDemoServeCommand } from './commands/demo-serve.js';
import { registerReleaseCommand } from './commands/release.js';
import { registerReleasesCommand } from './commands/releases.js';
import { registerWithdrawCommand } from './commands/withdraw.js';
import { registerExportCommand } from './commands/export.js';
import { registerVerifyCommand } from './commands/verify.js';
import { registerKeygenCommand } from './commands/keygen.js';
import { registerMigrateCommand } from './commands/migrate.js';
import type { CommandResult } from './command-result.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';


function buildProgram(setResult: (r: CommandResult) => void): Command {
  const program = new Command();
  program
    .name('cablegate')
    .description('Publish, browse, search and mirror an archive of US diplomatic cables.')
    .showHelpAfterError('(run `cablegate --help` for usage)')
    .exitOverride();
  const commands = [
    registerImportCommand,
    registerImportArticlesCommand,
    registerParseCommand,
    registerStatsCommand,
    registerExportJsonlCommand,
    registerServeCommand,
    registerDemoCommand,
    registerDemoServeCommand,
    registerMigrateCommand,
    registerReleaseCommand,
    registerWithdrawCommand,
    registerReleasesCommand,
    registerExportCommand,
    registerVerifyCommand,
    registerKeygenCommand,
  ];
  for (const register of commands) register(program, setResult);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI with `process.argv`-style arguments; resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  // A reader that stops early (`cablegate parse DIR | head`) closes the pipe: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    throw e;
  });
  let result: CommandResult = EXIT_OK;
  const program = buildProgram((r) => (result = r));
  try {
    await program.parseAsync(argv);
    return typeof result === 'number' ? result : EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      // commander has already printed the message.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isCablegateError(e)) {
      process.stderr.write(`error: ${e.describe()}\n`);
      return e.code === 'E_USAGE' ? EXIT_USAGE : EXIT_FAILURE;
    }
    process.stderr.write(`error: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILURE;
  }
}
