/**
 * Bytes -> text: UTF-8 when the bytes are valid UTF-8 (BOM dropped), else Windows-1252
 * (the 2011 plain-text release). Never throws on content; NUL bytes mean binary.
 */
import { isUtf8 } from 'node:buffer';

const cp1252 = new TextDecoder('windows-1252');

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; reason: string };

export function decodeText(bytes: Buffer): Decoded {
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary content (NUL bytes): not a text file' };
  if (isUtf8(bytes)) {
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: bytes.toString('utf8', bom ? 3 : 0), encoding: 'utf-8' };
  }
  return { ok: true, text: cp1252.decode(bytes), encoding: 'windows-1252' };
}
