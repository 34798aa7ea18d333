/**
 * Checks a mirror folder against its MANIFEST.json: every listed file present with the
 * listed size and SHA-256, no file that is not listed, SHA256SUMS agreeing with the
 * manifest, and (with a public key) a valid MANIFEST.json.sig.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CablegateError } from '../domain/errors.js';
import { looksLikeSignature, manifestSignatureValid } from './manifest-signature.js';
import { MANIFEST_FILE, META_FILES, parseManifest, SIGNATURE_FILE, SUMS_FILE, sumsText, type MirrorManifest } from './mirror-manifest.js';

export interface VerifyReport {
  manifest: MirrorManifest;
  checked: number;
  missing: string[];
  extra: string[];
  /** Files whose size or SHA-256 differ from the manifest. */
  altered: string[];
  /** SHA256SUMS missing or not matching the manifest. */
  sumsProblem: string | null;
  /** null: not checked (no key given, and the file is absent or has a signature's form); true/false: the check. */
  signatureValid: boolean | null;
  signatureProblem: string | null;
  /** What was not checked about the signature, and why (no key given); null when it was checked. */
  signatureNote: string | null;
  ok: boolean;
}

export function listMirrorFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

export async function verifyMirror(dir: string, options: { publicKey?: KeyObject } = {}): Promise<VerifyReport> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    throw new CablegateError('E_MANIFEST', `${dir} has no ${MANIFEST_FILE}`, { subject: dir, hint: 'point verify at a folder written by `cablegate export DIR`' });
  }
  const manifestBytes = readFileSync(manifestPath);
  const manifest = parseManifest(manifestBytes.toString('utf8'), manifestPath);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const present = listMirrorFiles(dir);
  const presentSet = new Set(present);
  const missing = manifest.files.map((f) => f.path).filter((p) => !presentSet.has(p));
  const extra = present.filter((p) => !listed.has(p) && !META_FILES.has(p));
  const altered: string[] = [];
  let checked = 0;
  for (const f of manifest.files) {
    if (!presentSet.has(f.path)) continue;
    const full = join(dir, f.path);
    checked++;
    if (statSync(full).size !== f.size || (await hashFile(full)) !== f.sha256) altered.push(f.path);
  }
  let sumsProblem: string | null = null;
  const sumsPath = join(dir, SUMS_FILE);
  if (!existsSync(sumsPath)) sumsProblem = `${SUMS_FILE} is missing`;
  else if (readFileSync(sumsPath, 'utf8') !== sumsText(manifest)) sumsProblem = `${SUMS_FILE} does not match ${MANIFEST_FILE}`;
  let signatureValid: boolean | null = null;
  let signatureProblem: string | null = null;
  let signatureNote: string | null = null;
  if (!options.publicKey) {
    // Without a key the signature cannot be checked: say so (an "ok" must not read as
    // "signed"), and refuse a signature file that is not even a signature.
    const sigPath = join(dir, SIGNATURE_FILE);
    if (!existsSync(sigPath)) signatureNote = `the mirror has no ${SIGNATURE_FILE}: it is unsigned, so who made it was not checked`;
    else if (!looksLikeSignature(readFileSync(sigPath, 'utf8'))) {
      signatureValid = false;
      signatureProblem = `${SIGNATURE_FILE} is not a signature (an Ed25519 signature is one line of base64)`;
    } else signatureNote = `the signature was not checked: give the publisher's public key with --key PUB`;
  } else {
    const sigPath = join(dir, SIGNATURE_FILE);
    if (!existsSync(sigPath)) {
      signatureValid = false;
      signatureProblem = `${SIGNATURE_FILE} is missing`;
    } else {
      signatureValid = manifestSignatureValid(manifestBytes, readFileSync(sigPath, 'utf8'), options.publicKey);
      if (!signatureValid) signatureProblem = `${SIGNATURE_FILE} is not a valid signature of ${MANIFEST_FILE} by this key`;
    }
  }
  const ok = missing.length === 0 && extra.length === 0 && altered.length === 0 && sumsProblem === null && signatureValid !== false;
  return { manifest, checked, missing, extra, altered, sumsProblem, signatureValid, signatureProblem, signatureNote, ok };
}
