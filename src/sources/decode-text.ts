/**
 * Bytes -> text: UTF-8 when the bytes are valid UTF-8 (BOM dropped), else Windows-1252
 * (the 2011 plain-text release). Never throws on content; NUL bytes mean binary.
 */
import { isUtf8 } from 'node:buffer';

/**
 * Windows-1252 0x80-0x9F (Node's TextDecoder without full ICU treats the label as
 * Latin-1 and yields C1 controls there). Undefined bytes keep their Latin-1 value.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (ch) => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80]));
}

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; reason: string };

export function decodeText(bytes: Buffer): Decoded {
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary content (NUL bytes): not a text file' };
  if (isUtf8(bytes)) {
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: bytes.toString('utf8', bom ? 3 : 0), encoding: 'utf-8' };
  }
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
