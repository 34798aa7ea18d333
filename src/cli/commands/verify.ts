import type { Command } from 'commander';
import { loadPublicKey } from '../../export/manifest-signature.js';
import { verifyMirror, type VerifyReport } from '../../export/verify-mirror.js';
import type { RegisterCommand } from '../command-result.js';
import { EXIT_FAILURE } from '../exit-codes.js';

const SHOWN = 50;

export function describeVerify(r: VerifyReport): string[] {
  const lines: string[] = [];
  const list = (label: string, paths: string[]) => {
    for (const p of paths.slice(0, SHOWN)) lines.push(`${label} ${p}`);
    if (paths.length > SHOWN) lines.push(`${label} ... and ${paths.length - SHOWN} more`);
  };
  list('missing', r.missing);
  list('extra', r.extra);
  list('altered', r.altered);
  if (r.sumsProblem) lines.push(`problem: ${r.sumsProblem}`);
  if (r.signatureProblem) lines.push(`bad signature: ${r.signatureProblem}`);
  const sig = r.signatureValid === true ? ', signature valid' : r.signatureNote ? `; ${r.signatureNote}` : '';
  lines.push(
    r.ok
      ? `ok: build ${r.manifest.build}, ${r.checked} files match MANIFEST.json${sig}`
      : `FAILED: build ${r.manifest.build}: ${r.missing.length} missing, ${r.extra.length} extra, ${r.altered.length} altered${r.signatureValid === false ? ', signature bad' : ''}`,
  );
  return lines;
}

export const registerVerifyCommand: RegisterCommand = (program: Command, setResult) => {
  program
    .command('verify')
    .description('check a mirror folder against its MANIFEST.json (and its signature with --key); exit 1 when anything is wrong')
    .argument('<dir>', 'mirror folder written by `cablegate export`')
    .option('--key <pub>', 'Ed25519 public key (PEM) that must have signed MANIFEST.json')
    .action(async (dir: string, opts: { key?: string }) => {
      const report = await verifyMirror(dir, { publicKey: opts.key ? loadPublicKey(opts.key) : undefined });
      const lines = describeVerify(report);
      (report.ok ? process.stdout : process.stderr).write(lines.join('\n') + '\n');
      if (!report.ok) setResult(EXIT_FAILURE);
    });
};
