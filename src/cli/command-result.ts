import type { Command } from 'commander';

/** The exit code a command asks for (undefined: success). */
export type CommandResult = number | undefined;

/** Each command file exports one of these: it adds its command to the program. */
export type RegisterCommand = (program: Command, setResult: (r: CommandResult) => void) => void;
