/**
 * A stable colour per user: the same person has the same caret and avatar colour in every document
 * and on every device, and the same colour for their changes in a difference (in the browser and in
 * the Word export). Colours are picked from a palette that stays readable as a label background
 * with white text (the server accepts `#rrggbb` only).
 */
const PALETTE = [
  '#1677ff',
  '#d4380d',
  '#389e0d',
  '#c41d7f',
  '#08979c',
  '#d48806',
  '#531dab',
  '#cf1322',
  '#0958d9',
  '#7cb305',
  '#ad4e00',
  '#1d39c4',
] as const;

/** FNV-1a over the UTF-16 code units of the id. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function colorForUser(userId: string): string {
  return PALETTE[hash(userId) % PALETTE.length] ?? PALETTE[0];
}
