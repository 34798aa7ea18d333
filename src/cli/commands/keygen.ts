import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { CablegateError } from '../../domain/errors.js';
import { generateSigningKeys } from '../../export/manifest-signature.js';
import type { RegisterCommand } from '../command-result.js';

export const registerKeygenCommand: RegisterCommand = (program: Command) => {
  program
    .command('keygen')
    .description('make an Ed25519 key pair for signing mirrors: PREFIX.key (private, keep it secret) and PREFIX.pub')
    .requiredOption('--out <prefix>', 'writes PREFIX.key and PREFIX.pub')
    .option('--force', 'overwrite existing key files')
    .action((opts: { out: string; force?: boolean }) => {
      const priv = `${opts.out}.key`;
      const pub = `${opts.out}.pub`;
      for (const f of [priv, pub]) {
        if (existsSync(f) && !opts.force) {
          throw new CablegateError('E_USAGE', `${f} exists already`, { subject: f, hint: 'choose another --out prefix, or pass --force to replace the key pair' });
        }
      }
      const keys = generateSigningKeys();
      writeFileSync(priv, keys.privateKeyPem, { mode: 0o600 });
      writeFileSync(pub, keys.publicKeyPem);
      process.stdout.write(`wrote ${priv} (private: keep it secret) and ${pub} (public: publish it where readers can fetch it apart from the mirror)\n`);
    });
};
