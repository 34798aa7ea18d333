/**
 * Where a page of the site lives in a mirror folder: the URL path, percent-decoded, with
 * `/` and folders ending in `/` mapped to `index.html`. Paths a static file server could
 * not map back (empty or dot segments, a decoded `/`, control characters) have no file.
 */
import { isCableId } from '../domain/cable-id.js';

/** Segments of letters, digits, `_~-` and inner dots (no empty, `.` or `..` segment, no `%`). */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;

/**
 * A cable's files (`cable/YYYY/MM/<ID>.html`, `cable/YYYY/MM/<ID>/...`) exist only for an id
 * of the cable id grammar: a second line of defence behind the importer, so a bad id that
 * reached the archive never becomes a file name (`07BOGOTA9205?X=<B>.html`, `../`).
 */
function cableFileAllowed(file: string): boolean {
  if (!file.startsWith('cable/')) return true;
  const segments = file.split('/');
  if (segments.length < 4) return true;
  const id = segments.length === 4 ? segments[3].replace(/\.[a-z]+$/, '') : segments[3];
  return isCableId(id);
}

/** `/cable/2010/02/10DAMASCUS1.html` -> `cable/2010/02/10DAMASCUS1.html`; `/` -> `index.html`; null when unmappable. */
export function mirrorFileForPath(path: string): string | null {
  const file = mappedFile(path);
  return file !== null && cableFileAllowed(file) ? file : null;
}

function mappedFile(path: string): string | null {
  // Nearly every link: plain segments, nothing to decode or refuse.
  if (PLAIN_PATH.test(path)) return path.slice(1);
  if (!path.startsWith('/') || path.startsWith('//') || /[?#]/.test(path)) return null;
  const full = path.endsWith('/') ? `${path}index.html` : path;
  const segments: string[] = [];
  for (const raw of full.slice(1).split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '' || seg === '.' || seg === '..' || /[/\\\u0000-\u001f]/.test(seg)) return null;
    segments.push(seg);
  }
  return segments.join('/');
}

/** The URL path of a mirror file (inverse of mirrorFileForPath for the paths it accepts). */
export function pathForMirrorFile(file: string): string {
  return '/' + file.split('/').map(encodeURIComponent).join('/');
}
