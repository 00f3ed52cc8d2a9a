/** LibreOffice headless for the tests (skipped where it is not installed). */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function which(command: string): string | null {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const SOFFICE = which('soffice');
export const PDFTOTEXT = which('pdftotext');

/** Converts a file with `soffice --headless --convert-to <filter>` (own profile, so parallel runs do not clash). */
export async function convert(
  data: Uint8Array,
  fileName: string,
  filter: string,
  extension: string,
): Promise<{ output: Uint8Array; log: string }> {
  if (!SOFFICE) throw new Error('soffice is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'zm-office-'));
  try {
    await writeFile(join(dir, fileName), data);
    const { stdout, stderr } = await run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        dir,
        join(dir, fileName),
      ],
      { timeout: 120_000 },
    );
    const output = await readFile(join(dir, fileName.replace(/\.[^.]+$/, `.${extension}`)));
    return { output: new Uint8Array(output), log: `${stdout}${stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  if (!PDFTOTEXT) throw new Error('pdftotext is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'zm-pdf-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const { stdout } = await run(PDFTOTEXT, ['-layout', join(dir, 'in.pdf'), '-'], { timeout: 60_000 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
