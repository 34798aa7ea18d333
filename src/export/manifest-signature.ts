/**
 * Ed25519 signatures of MANIFEST.json (node:crypto): `export --sign KEY` writes
 * MANIFEST.json.sig (the base64 signature of the manifest's bytes), `verify --key PUB`
 * checks it. `keygen` makes a PEM key pair.
 */
import { generateKeyPairSync, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CablegateError } from '../domain/errors.js';

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function readKeyFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CablegateError('E_SIGNATURE', `cannot read the key file ${file}`, { subject: file, hint: 'make a key pair with `cablegate keygen --out PREFIX`', cause: e });
  }
}

export function loadPrivateKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readKeyFile(file));
  } catch (e) {
    if (e instanceof CablegateError) throw e;
    throw new CablegateError('E_SIGNATURE', `${file} is not a private key in PEM format`, { subject: file, hint: 'pass the PREFIX.key file written by `cablegate keygen`', cause: e });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CablegateError('E_SIGNATURE', `${file} is a ${key.asymmetricKeyType} key, not Ed25519`, { subject: file, hint: 'make an Ed25519 key pair with `cablegate keygen --out PREFIX`' });
  }
  return key;
}

export function loadPublicKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readKeyFile(file));
  } catch (e) {
    if (e instanceof CablegateError) throw e;
    throw new CablegateError('E_SIGNATURE', `${file} is not a public key in PEM format`, { subject: file, hint: 'pass the PREFIX.pub file written by `cablegate keygen`', cause: e });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CablegateError('E_SIGNATURE', `${file} is a ${key.asymmetricKeyType} key, not Ed25519`, { subject: file, hint: 'use the Ed25519 public key made by `cablegate keygen`' });
  }
  return key;
}

/** Base64 signature of the manifest bytes, with a trailing newline. */
export function signManifest(manifestBytes: Uint8Array, key: KeyObject): string {
  return sign(null, manifestBytes, key).toString('base64') + '\n';
}

/**
 * Whether a signature file's text has the form of a signature (one line of base64 of 64
 * bytes), whatever key made it: a mirror checked without a key must still not accept
 * garbage where its signature should be.
 */
export function looksLikeSignature(signatureText: string): boolean {
  const t = signatureText.trim();
  return /^[A-Za-z0-9+/]{86}==$/.test(t) && Buffer.from(t, 'base64').length === 64;
}

export function manifestSignatureValid(manifestBytes: Uint8Array, signatureText: string, key: KeyObject): boolean {
  const sig = Buffer.from(signatureText.trim(), 'base64');
  if (sig.length !== 64) return false;
  return verify(null, manifestBytes, key, sig);
}
