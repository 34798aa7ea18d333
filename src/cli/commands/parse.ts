import type { Command } from 'commander';
import type { ParsedCable } from '../../domain/cable.js';
import { isCablegateError } from '../../domain/errors.js';
import { parseCable } from '../../parse/cable.js';
import { readSources } from '../../sources/read-sources.js';
import type { RegisterCommand } from '../command-result.js';
import { EXIT_FAILURE } from '../exit-codes.js';

/** Every ParsedCable field, so the JSON output always has them all (null when absent). */
const PARSED_CABLE_FIELDS: Record<keyof ParsedCable, true> = {
  referenceId: true,
  canonicalId: true,
  created: true,
  createdDisplayed: true,
  released: true,
  classification: true,
  classificationMarking: true,
  caveats: true,
  origin: true,
  originRoute: true,
  transmissionId: true,
  precedence: true,
  dtg: true,
  recipients: true,
  infoRecipients: true,
  tags: true,
  subject: true,
  references: true,
  referencesDetailed: true,
  classifiedBy: true,
  classificationReasons: true,
  nondisclosureDeadline: true,
  summary: true,
  comment: true,
  signers: true,
  paragraphs: true,
  partial: true,
  redactions: true,
  section: true,
  articles: true,
  header: true,
  body: true,
  warnings: true,
};

/** One JSON line: the whole ParsedCable plus `source`, absent fields as null. */
export function parsedCableJson(parsed: ParsedCable, source: string): string {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(PARSED_CABLE_FIELDS) as (keyof ParsedCable)[]) out[key] = parsed[key] ?? null;
  out.source = source;
  return JSON.stringify(out, (_k, v: unknown) => (v === undefined ? null : v));
}

function humanSummary(p: ParsedCable, source: string): string {
  const lines = [
    `${p.canonicalId ?? '(no canonical id)'}  ${source}`,
    `  created ${p.created ?? '?'}  released ${p.released ?? '-'}  ${p.classification ?? '?'}  ${p.origin ?? '?'}`,
  ];
  if (p.subject) lines.push(`  subject: ${p.subject}`);
  if (p.tags.length) lines.push(`  tags: ${p.tags.join(', ')}`);
  if (p.references.length) lines.push(`  references: ${p.references.join(', ')}`);
  lines.push(`  ${p.paragraphs.length} paragraphs${p.partial ? ', partial extract' : ''}${p.redactions.length ? `, ${p.redactions.length} redactions` : ''}`);
  for (const w of p.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

export const registerParseCommand: RegisterCommand = (program: Command, setResult) => {
  program
    .command('parse')
    .description('parse cable sources and print what the parser understands (no archive)')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'JSON Lines: one object per cable (the whole parse, plus `source`)')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      let failed = 0;
      let parsedCount = 0;
      for await (const item of readSources(paths)) {
        if (!item.ok) {
          // A skip (a mirror's browse page, an extract without text) is named, not a failure.
          if (!item.reject.skipped) failed++;
          process.stderr.write(`${item.reject.skipped ? 'skipped' : 'reject'}: ${item.reject.source}: ${item.reject.code} ${item.reject.reason}\n`);
          continue;
        }
        let parsed: ParsedCable;
        try {
          parsed = parseCable(item.record);
        } catch (e) {
          failed++;
          const why = isCablegateError(e) ? e.describe() : `E_PARSE_FAILED ${(e as Error)?.message ?? String(e)}`;
          process.stderr.write(`reject: ${item.record.source}: ${why}\n`);
          continue;
        }
        parsedCount++;
        const text = opts.json ? parsedCableJson(parsed, item.record.source) : humanSummary(parsed, item.record.source);
        if (!process.stdout.write(text + '\n')) await new Promise((r) => process.stdout.once('drain', r));
      }
      if (failed > 0) process.stderr.write(`${parsedCount} parsed, ${failed} rejected\n`);
      if (failed > 0 && parsedCount === 0) setResult(EXIT_FAILURE);
    });
};
