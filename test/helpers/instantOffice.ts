/**
 * A stand-in for LibreOffice that writes a tiny PDF at once, for tests of who may download a PDF and
 * what the UI offers; the real conversion is tested in test/export.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes the stand-in into `dir` and returns its path (for `startTestServer({ pdf: { command } })`). */
export async function instantOffice(dir: string): Promise<string> {
  const path = join(dir, 'instant-soffice');
  await writeFile(
    path,
    `#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done\nprintf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/document.pdf"\n`,
  );
  await chmod(path, 0o755);
  return path;
}
