/**
 * `cablegate release`: publish a batch of cables now or at a time (by ids, a file of ids,
 * a search query, an origin or tag, or the next N in an order), or change the public
 * version of one cable. Atomic: all of it or nothing. See docs/releases.md.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CablegateError, isCablegateError } from '../../domain/errors.js';
import { isClassification } from '../../domain/classification.js';
import { parseReleasedAt } from '../../import/released-at-option.js';
import { orderCandidates, parseIdList, parseReleaseOrder, type ReleaseOrder } from '../../release/order-candidates.js';
import { openStore, resolveDbLocation } from '../../store/open-store.js';
import type { CableSummary, ReleaseItemInput, Store } from '../../store/store.js';
import type { RegisterCommand } from '../command-result.js';
import { positiveInt } from '../int-option.js';
import { DB_OPTION_HELP } from './db-option.js';
import { canonicalIdOrRaw, formatOutcome, releaseActor } from './release-options.js';
import { parseQuery } from '../../query/parse-query.js';
import { hasErrors } from '../../query/query-ast.js';

interface ReleaseOptions {
  db?: string;
  file?: string;
  query?: string;
  origin?: string;
  tag?: string;
  classification?: string;
  next?: number;
  order: string;
  seed?: string;
  at?: string;
  version?: number;
  dryRun?: boolean;
  by?: string;
  note?: string;
  partial?: boolean;
  json?: boolean;
}

function atOption(value: string): string {
  try {
    return parseReleasedAt(value);
  } catch (e) {
    if (!isCablegateError(e)) throw e;
    throw new CablegateError('E_USAGE', `--at: ${e.message}`, { hint: e.hint });
  }
}

/** The selector text kept in the release log. */
function describeSelector(ids: string[], o: ReleaseOptions, order: ReleaseOrder): string {
  const parts: string[] = [];
  if (ids.length) parts.push(`${ids.length} id${ids.length === 1 ? '' : 's'}${o.file ? ` (--file ${o.file})` : ''}`);
  if (o.query !== undefined) parts.push(`--query ${JSON.stringify(o.query)}`);
  if (o.origin !== undefined) parts.push(`--origin ${JSON.stringify(o.origin)}`);
  if (o.tag !== undefined) parts.push(`--tag ${o.tag}`);
  if (o.classification !== undefined) parts.push(`--classification ${JSON.stringify(o.classification)}`);
  if (o.next !== undefined) parts.push(`--next ${o.next} --order ${order}${order === 'random' ? ` --seed ${JSON.stringify(o.seed ?? '')}` : ''}`);
  if (o.version !== undefined) parts.push(`--version ${o.version}`);
  return parts.join(' ');
}

async function selectItems(store: Store, ids: string[], o: ReleaseOptions, order: ReleaseOrder): Promise<ReleaseItemInput[]> {
  const selecting = o.query !== undefined || o.origin !== undefined || o.tag !== undefined || o.classification !== undefined || o.next !== undefined;
  if (ids.length > 0 && selecting) {
    throw new CablegateError('E_USAGE', 'name cables by id (arguments, --file) or by a selector (--query, --origin, --tag, --classification, --next), not both');
  }
  if (o.version !== undefined && (ids.length !== 1 || selecting)) {
    throw new CablegateError('E_USAGE', '--version applies to exactly one cable id', { hint: 'cablegate release 10DAMASCUS159 --version 2' });
  }
  if (ids.length > 0) return ids.map((id) => ({ canonicalId: id, ...(o.version !== undefined ? { version: o.version } : {}) }));
  if (!selecting) {
    throw new CablegateError('E_USAGE', 'which cables? name ids, or use --file, --query, --origin, --tag, --classification or --next N');
  }
  const classification = o.classification?.toUpperCase();
  if (classification !== undefined && !isClassification(classification)) {
    throw new CablegateError('E_USAGE', `--classification: unknown classification ${JSON.stringify(o.classification)}`, {
      hint: 'one of CONFIDENTIAL, CONFIDENTIAL//NOFORN, SECRET, SECRET//NOFORN, UNCLASSIFIED, UNCLASSIFIED//FOR OFFICIAL USE ONLY',
    });
  }
  let query;
  if (o.query !== undefined) {
    query = parseQuery(o.query);
    if (hasErrors(query) || !query.root) {
      const problems = query.problems.filter((p) => p.severity === 'error').map((p) => `${p.message}${p.at !== null ? ` (at ${p.at})` : ''}`);
      throw new CablegateError('E_USAGE', `--query: ${problems.join('; ') || 'the query is empty'}`, {
        hint: query.problems.find((p) => p.hint)?.hint ?? 'see docs/search.md for the search language',
      });
    }
  }
  const candidates: CableSummary[] = await store.unreleasedCables({ origin: o.origin, tag: o.tag, classification, query });
  return orderCandidates(candidates, order, { seed: o.seed, next: o.next ?? null }).map((c) => ({ canonicalId: c.canonicalId }));
}

export const registerReleaseCommand: RegisterCommand = (program: Command) => {
  program
    .command('release')
    .description('publish cables now or at a time (--at), or choose the public version of one (--version); all or nothing')
    .argument('[ids...]', 'reference ids of the cables to release')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--file <file>', 'read ids from a file (one per line, # comments)')
    .option('--query <query>', 'release the unreleased cables matching a search (search language, docs/search.md)')
    .option('--origin <origin>', 'release unreleased cables from this origin ("Embassy Cairo")')
    .option('--tag <tag>', 'release unreleased cables with this tag')
    .option('--classification <c>', 'release unreleased cables with this classification')
    .option('--next <n>', 'only the first N of the selection (all unreleased cables when alone)', positiveInt('--next'))
    .option('--order <order>', 'order for --next: created, id or random', 'created')
    .option('--seed <text>', 'seed of --order random (same seed, same order)')
    .option('--at <datetime>', 'publish at this time (ISO; no zone = UTC) instead of now; future = scheduled')
    .option('--version <n>', 'make version N the public one (one cable)', positiveInt('--version'))
    .option('--dry-run', 'show what would be published, change nothing')
    .option('--by <name>', 'who runs this release (default: $CABLEGATE_USER or the login name)')
    .option('--note <text>', 'a note kept in the release log')
    .option('--partial', 'skip unknown or already released ids instead of refusing the batch')
    .option('--json', 'print the outcome as JSON')
    .action(async (args: string[], o: ReleaseOptions) => {
      const order = parseReleaseOrder(o.order);
      if (o.seed !== undefined && order !== 'random') throw new CablegateError('E_USAGE', '--seed only applies to --order random');
      const at = o.at === undefined ? undefined : atOption(o.at);
      const fileIds = o.file === undefined ? [] : parseIdList(readIdFile(o.file));
      const ids = [...args, ...fileIds].map(canonicalIdOrRaw);
      const store = await openStore(resolveDbLocation(o.db), { mustExist: true });
      try {
        const items = await selectItems(store, ids, o, order);
        if (items.length === 0) {
          throw new CablegateError('E_RELEASE_INVALID', 'the selection matches no unreleased cable: nothing to release', {
            hint: 'check the query, origin or tag; `cablegate stats` shows what is released',
          });
        }
        const outcome = await store.applyRelease({
          action: 'release',
          items,
          at,
          by: releaseActor(o.by),
          note: o.note ?? null,
          selector: describeSelector(ids, o, order),
          partial: o.partial ?? false,
          dryRun: o.dryRun ?? false,
        });
        const now = `${new Date().toISOString().slice(0, 16)}Z`;
        process.stdout.write((o.json ? JSON.stringify(outcome) : formatOutcome(outcome, now)) + '\n');
      } finally {
        await store.close();
      }
    });
};

function readIdFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CablegateError('E_USAGE', `--file: cannot read ${path}: ${(e as Error).message}`);
  }
}
