/**
 * Where a page of the site lives in a mirror folder: the URL path, percent-decoded, with
 * `/` and folders ending in `/` mapped to `index.html`. Paths a static file server could
 * not map back (empty or dot segments, a decoded `/`, control characters) have no file.
 */

/** Segments of letters, digits, `_~-` and inner dots (no empty, `.` or `..` segment, no `%`). */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;

/** `/cable/2010/02/10DAMASCUS1.html` -> `cable/2010/02/10DAMASCUS1.html`; `/` -> `index.html`; null when unmappable. */
export function mirrorFileForPath(path: string): string | null {
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
