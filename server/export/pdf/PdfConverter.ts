/**
 * Word and Excel files to PDF with LibreOffice headless (`soffice --headless --convert-to pdf`), in
 * child processes so the event loop (and every live document) keeps going while a conversion runs.
 *
 * - At most `slots` conversions run at once (default: 1 on a 2-core machine, 2 with more); the others
 *   wait in a queue, first come first served.
 * - Each slot has its own LibreOffice profile (`-env:UserInstallation`): two soffice processes sharing
 *   a profile would clash. A profile is kept for the slot's next conversions (a warm start takes about
 *   a second) and thrown away after a timeout or failure, in case the killed process left it locked.
 * - A conversion that runs longer than `timeoutMs` is killed with its whole process group (soffice
 *   starts oosplash and soffice.bin) and fails with `ConversionTimedOut`.
 * - Failures are typed (conversionErrors.ts): `OfficeMissing`, `ConversionTimedOut`, `ConversionFailed`
 *   (with what LibreOffice printed), `ConverterClosed`.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../../logger.js';
import {
  ConversionFailed,
  ConversionTimedOut,
  ConverterClosed,
  OfficeMissing,
  PdfConversionError,
} from './conversionErrors.js';
import { findCommand } from './findCommand.js';

export interface PdfConverterOptions {
  /** The LibreOffice command: a name looked up in PATH or a path (default `soffice`). */
  command?: string;
  /** A conversion running longer than this is killed (default 120 s). */
  timeoutMs?: number;
  /** Conversions at the same time (default: 1 on a 2-core machine, 2 with more; at least 1). */
  slots?: number;
  /** Where the profiles and temporary files go (default: a new directory in the system's temp dir). */
  workDir?: string;
}

export type OfficeStatus = { available: true; path: string } | { available: false; reason: string };

const DEFAULT_TIMEOUT_MS = 120_000;
/** What is kept of LibreOffice's output for an error message. */
const MAX_OUTPUT = 4000;

interface Slot {
  index: number;
  busy: boolean;
  child: ChildProcess | null;
}

export class PdfConverter {
  readonly command: string;
  readonly timeoutMs: number;
  private readonly slots: Slot[];
  private readonly waiting: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] = [];
  private workDir: Promise<string> | null = null;
  private nextJob = 1;
  private closed = false;

  constructor(
    private readonly log: Logger,
    private readonly options: PdfConverterOptions = {},
  ) {
    this.command = options.command ?? 'soffice';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const count = Math.max(1, options.slots ?? Math.min(2, availableParallelism() - 1));
    this.slots = Array.from({ length: count }, (_, index) => ({ index, busy: false, child: null }));
  }

  /** Whether LibreOffice can be started (checked each time: it may be installed while the server runs). */
  async status(): Promise<OfficeStatus> {
    const path = await findCommand(this.command);
    return path ? { available: true, path } : { available: false, reason: new OfficeMissing(this.command).message };
  }

  /** Conversions running now and waiting for a slot. */
  get load(): { running: number; queued: number } {
    return { running: this.slots.filter((s) => s.busy).length, queued: this.waiting.length };
  }

  /**
   * The PDF of a .docx/.xlsx (`fileName` gives the format by its extension). Waits for a free slot;
   * rejects with a `PdfConversionError`.
   */
  async convert(data: Uint8Array, fileName: string): Promise<Uint8Array> {
    if (this.closed) throw new ConverterClosed();
    const path = await findCommand(this.command);
    if (!path) throw new OfficeMissing(this.command);
    const slot = await this.acquire();
    try {
      return await this.convertIn(slot, path, data, extname(fileName) || '.docx');
    } finally {
      this.release(slot);
    }
  }

  /** Stops: queued conversions fail with `ConverterClosed`, running ones are killed; temporary files go. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new ConverterClosed());
    const exits = this.slots.flatMap((slot) => {
      const child = slot.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return [];
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(child);
      return [exited];
    });
    await Promise.all(exits);
    if (this.workDir && !this.options.workDir) {
      const dir = await this.workDir.catch(() => null);
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }

  private acquire(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next.resolve(slot);
    else slot.busy = false;
  }

  private baseDir(): Promise<string> {
    this.workDir ??= this.options.workDir
      ? mkdir(this.options.workDir, { recursive: true }).then(() => this.options.workDir ?? '')
      : mkdtemp(join(tmpdir(), 'zm-pdf-'));
    return this.workDir;
  }

  private async convertIn(slot: Slot, command: string, data: Uint8Array, extension: string): Promise<Uint8Array> {
    if (this.closed) throw new ConverterClosed();
    const base = await this.baseDir();
    const profile = join(base, `profile-${slot.index}`);
    const jobDir = join(base, `job-${this.nextJob++}`);
    await mkdir(jobDir, { recursive: true });
    const input = join(jobDir, `document${extension}`);
    try {
      await writeFile(input, data);
      const started = Date.now();
      try {
        await this.run(slot, command, [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--invisible',
          '--nodefault',
          '--nolockcheck',
          '--nologo',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          jobDir,
          input,
        ]);
      } catch (error) {
        // A killed or failed LibreOffice may leave its profile locked or half-written: start afresh next time.
        if (error instanceof PdfConversionError) await rm(profile, { recursive: true, force: true });
        throw error;
      }
      this.log.debug({ ms: Date.now() - started, slot: slot.index, bytes: data.length }, 'converted to PDF');
      return new Uint8Array(await readFile(join(jobDir, 'document.pdf')));
    } finally {
      await rm(jobDir, { recursive: true, force: true });
    }
  }

  /** Runs LibreOffice once; resolves when it exited having written the PDF. */
  private run(slot: Slot, command: string, args: string[]): Promise<void> {
    const outputDir = args[args.indexOf('--outdir') + 1] ?? '';
    return new Promise<void>((resolve, reject) => {
      // Its own process group (detached), so that a timeout kills soffice.bin too, not only the launcher.
      const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      slot.child = child;
      let output = '';
      const keep = (chunk: Buffer): void => {
        if (output.length < MAX_OUTPUT) output += chunk.toString('utf8');
      };
      child.stderr?.on('data', keep);
      child.stdout?.on('data', keep);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.log.warn({ command, timeoutMs: this.timeoutMs }, 'PDF conversion timed out; killing LibreOffice');
        killGroup(child);
      }, this.timeoutMs);
      let settled = false;
      const finish = (error: Error | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        slot.child = null;
        child.stdout?.destroy();
        child.stderr?.destroy();
        if (error) reject(error);
        else resolve();
      };
      child.once('error', (error: NodeJS.ErrnoException) => {
        finish(error.code === 'ENOENT' ? new OfficeMissing(command) : new ConversionFailed(null, error.message));
      });
      child.once('exit', (code, signal) => {
        if (timedOut) return finish(new ConversionTimedOut(this.timeoutMs));
        if (this.closed) return finish(new ConverterClosed());
        if (code !== 0) return finish(new ConversionFailed(code, output || (signal ? `killed by ${signal}` : '')));
        // soffice exits 0 also when it could not load the file: the PDF must be there.
        access(join(outputDir, 'document.pdf')).then(
          () => finish(null),
          () => finish(new ConversionFailed(code, output)),
        );
      });
    });
  }
}

/** Kills the child's whole process group (it was spawned detached, as the group's leader). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
