/**
 * A gzip-compressed tar archive (POSIX ustar), written and read as streams with Node's own zlib, so a
 * backup of any size never has to fit in memory and the archive opens with the usual tools
 * (`tar tzf backup.tar.gz`). Only regular files; paths up to 255 bytes; files up to 8 GiB each.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type { Gzip } from 'node:zlib';

const BLOCK = 512;
const MAX_SIZE = 8 * 1024 ** 3 - 1;

function writeString(header: Buffer, value: string, offset: number, length: number): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar field too long: ${value}`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  writeString(header, `${value.toString(8).padStart(length - 1, '0')}\0`, offset, length);
}

/** Splits a path into ustar's prefix (≤ 155 bytes) and name (≤ 100 bytes) at a slash. */
function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`path too long for the archive: ${path}`);
}

function header(path: string, size: number, mtime: Date): Buffer {
  if (size > MAX_SIZE) throw new Error(`file too large for the archive: ${path} (${size} bytes)`);
  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  writeString(block, name, 0, 100);
  writeOctal(block, 0o644, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, size, 124, 12);
  writeOctal(block, Math.floor(mtime.getTime() / 1000), 136, 12);
  block.fill(' ', 148, 156);
  writeString(block, '0', 156, 1);
  writeString(block, 'ustar\0', 257, 6);
  writeString(block, '00', 263, 2);
  writeString(block, prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, `${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}

/** Writes entries one after the other into `<path>` (gzip). */
export class TarWriter {
  private readonly gzip: Gzip;
  private readonly out: WriteStream;

  constructor(path: string) {
    this.gzip = createGzip({ level: 6 });
    this.out = createWriteStream(path, { flags: 'wx' });
    this.gzip.pipe(this.out);
  }

  private async write(chunk: Uint8Array): Promise<void> {
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  /** Adds a file whose content is `size` bytes from `chunks` (fewer bytes, e.g. a file that shrank, fail). */
  async addFile(path: string, size: number, mtime: Date, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    await this.write(header(path, size, mtime));
    let written = 0;
    for await (const chunk of chunks) {
      const part = chunk.subarray(0, Math.max(0, size - written));
      await this.write(part);
      written += part.length;
      if (written >= size) break;
    }
    if (written < size) throw new Error(`${path}: expected ${size} bytes, read ${written}`);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (padding > 0) await this.write(Buffer.alloc(padding));
  }

  async addBuffer(path: string, data: Uint8Array): Promise<void> {
    await this.addFile(
      path,
      data.length,
      new Date(),
      (async function* () {
        yield data;
      })(),
    );
  }

  /** Ends the archive (two zero blocks) and closes the file once everything is written. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.gzip.end();
    await once(this.out, 'close');
  }
}

function readString(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.toString('utf8', 0, end < 0 ? length : end);
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new Error('not a tar archive (bad number field)');
  return Number.parseInt(text, 8);
}

export interface TarEntryHandler {
  /** A file starts; return the sink for its content. */
  begin(path: string, size: number): void;
  data(chunk: Buffer): void;
  end(): void;
}

/** Reads a .tar.gz, calling the handler for each regular file in order. Throws on anything that is not one. */
export async function readTar(path: string, handler: TarEntryHandler): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let remaining = 0;
  let padding = 0;
  let inFile = false;
  let ended = false;
  const input = createReadStream(path).pipe(createGunzip());
  for await (const chunk of input as AsyncIterable<Buffer>) {
    pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    while (!ended) {
      if (inFile) {
        if (remaining > 0) {
          if (pending.length === 0) break;
          const part = pending.subarray(0, remaining);
          handler.data(part);
          remaining -= part.length;
          pending = pending.subarray(part.length);
          continue;
        }
        if (pending.length < padding) break;
        pending = pending.subarray(padding);
        inFile = false;
        handler.end();
        continue;
      }
      if (pending.length < BLOCK) break;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((b) => b === 0)) {
        ended = true;
        break;
      }
      if (readString(block, 257, 5) !== 'ustar') throw new Error('not a tar archive (no ustar header)');
      const type = readString(block, 156, 1);
      if (type !== '0' && type !== '') throw new Error(`unexpected entry type "${type}" in the archive`);
      const name = readString(block, 0, 100);
      const prefix = readString(block, 345, 155);
      const size = readOctal(block, 124, 12);
      handler.begin(prefix ? `${prefix}/${name}` : name, size);
      remaining = size;
      padding = (BLOCK - (size % BLOCK)) % BLOCK;
      inFile = true;
    }
  }
  if (!ended) throw new Error('the archive is truncated (no end marker)');
}
