/**
 * Bytes -> text, by the evidence in the bytes (never throws on content):
 * - a UTF-16 byte order mark (FF FE / FE FF): UTF-16 of that byte order;
 * - valid UTF-8 (BOM dropped): UTF-8, no note;
 * - otherwise each valid UTF-8 sequence is kept as UTF-8 and each byte that is not part of
 *   one is read as Windows-1252 (the 2011 plain-text release is Windows-1252; a file mixing
 *   both keeps its `¶` and its curly quotes), with a note saying how many bytes were read so;
 * - NUL bytes without a UTF-16 BOM: binary, not a text file.
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

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8+windows-1252';
export type Decoded = { ok: true; text: string; encoding: Encoding; note?: string } | { ok: false; reason: string };

export function decodeText(bytes: Buffer): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    if (!le) body.swap16();
    const note = bytes.length % 2 ? 'UTF-16 file with an odd number of bytes: the last byte was dropped' : undefined;
    return { ok: true, text: body.toString('utf16le'), encoding: le ? 'utf-16le' : 'utf-16be', note };
  }
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary content (NUL bytes, no UTF-16 byte order mark): not a text file' };
  if (isUtf8(bytes)) {
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: bytes.toString('utf8', bom ? 3 : 0), encoding: 'utf-8' };
  }
  return decodeMixed(bytes);
}

/** Length of the valid UTF-8 sequence at `i` (2-4), or 0 when the byte there does not start one. */
function utf8SequenceAt(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0; // overlong, surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return 4;
  }
  return 0;
}

function decodeMixed(bytes: Buffer): Decoded {
  const out: string[] = [];
  let runStart = 0;
  let multibyte = 0;
  let single = 0;
  const flushUtf8 = (to: number) => {
    if (to > runStart) out.push(bytes.toString('utf8', runStart, to));
  };
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(bytes, i);
    if (len) {
      multibyte++;
      i += len;
      continue;
    }
    flushUtf8(i);
    out.push(decodeWindows1252(bytes.subarray(i, i + 1)));
    single++;
    i++;
    runStart = i;
  }
  flushUtf8(bytes.length);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = out.join('');
  const clean = bom ? text.replace(/^\uFEFF/, '') : text;
  if (multibyte === 0) {
    return { ok: true, text: clean, encoding: 'windows-1252', note: `not UTF-8: read as Windows-1252 (${single} byte${single === 1 ? '' : 's'} above 0x7F)` };
  }
  return {
    ok: true,
    text: clean,
    encoding: 'utf-8+windows-1252',
    note: `not valid UTF-8: ${single} byte${single === 1 ? '' : 's'} outside UTF-8 sequences read as Windows-1252, ${multibyte} UTF-8 sequence${multibyte === 1 ? '' : 's'} kept`,
  };
}
