/**
 * The one check for every redirect target that comes from a request (`?returnTo=`, `?redirectTo=`):
 * a path on this site, normalised, or the fallback — so no redirect can be turned into an open
 * redirect.
 *
 * The raw value must start with a single "/" and hold no control characters (the URL parser drops
 * tabs and newlines, so `/\t/evil.example` would become `//evil.example`). It is then normalised by
 * the URL parser (`/.//evil.example` → `//evil.example`, `\` → `/`), and the result must still be
 * on our origin and must not start with `//` or `/\`. The same holds for the percent-decoded path
 * (`/%2F%2Fevil.example`, `/%5Cevil`), in case something downstream decodes it.
 */
export function safeLocalPath(value: string | null | undefined, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const path = normaliseLocal(value);
  if (path === null) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.replace(/[?#].*$/s, ''));
  } catch {
    return fallback;
  }
  return normaliseLocal(decoded) === null ? fallback : path;
}

const base = 'http://portal.internal';

/** The normalised path+search+hash of a same-origin path, or null. */
function normaliseLocal(value: string): string | null {
  if (escapesOrigin(value)) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return escapesOrigin(path) ? null : path;
}

function escapesOrigin(path: string): boolean {
  return !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\');
}
