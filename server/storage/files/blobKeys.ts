/**
 * Blob keys: `/`-separated segments of letters, digits, `_`, `-` and `.` (not `.` or `..` alone),
 * e.g. `submissions/sub_x.zip`, so that a key is a safe relative path in the data dir and a plain
 * text key in PostgreSQL. Anything else is refused.
 */
const SEGMENT = /^[A-Za-z0-9_.-]{1,120}$/;
const MAX_SEGMENTS = 4;

/** The key's path segments; throws on a key that is not one. */
export function blobPath(key: string): string[] {
  const segments = key.split('/');
  const valid = segments.length <= MAX_SEGMENTS && segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!valid) throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
  return segments;
}
