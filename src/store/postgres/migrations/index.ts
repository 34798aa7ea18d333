import type { Migration } from './migration.js';
import { migration001 } from './001-initial-schema.js';
import { migration002 } from './002-search-index.js';
import { migration003 } from './003-releases.js';
import { migration004 } from './004-archive-state.js';
import { migration005 } from './005-search-hits.js';
import { migration006 } from './006-version-sightings.js';
import { migration007 } from './007-articles.js';

/** Every migration, in order. Append new ones; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];
