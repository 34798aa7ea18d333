import type { Migration } from './migration.js';
import { migration001 } from './001-initial-schema.js';

/** Every migration, in order. Append new ones; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [migration001];
