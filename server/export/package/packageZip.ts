/**
 * The package's zip: entries in the order given, every entry stamped with the same time (the
 * package's), so the same files at the same time give the same bytes. Office files and PDFs are
 * compressed already and are stored as they are (no second deflate on the event loop); text
 * entries (manifest.json) are deflated.
 */
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

const STORED = /\.(docx|xlsx|pdf|zip|png|jpe?g)$/i;

export function packageZip(entries: readonly ZipEntry[], at: Date): Uint8Array {
  const seen = new Set<string>();
  const files: Zippable = {};
  for (const { path, data } of entries) {
    if (seen.has(path)) throw new Error(`duplicate zip entry ${path}`);
    seen.add(path);
    files[path] = [data, { level: STORED.test(path) ? 0 : 6, mtime: at }];
  }
  return zipSync(files);
}
