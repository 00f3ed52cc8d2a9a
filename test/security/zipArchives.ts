/**
 * Crafted zip archives for the upload tests: zip bombs (one entry that inflates to a gigabyte while
 * declaring a few bytes; many directory entries pointing at the same compressed data) and archives
 * with too many parts — written byte by byte, as an attacker would.
 */
import { createDeflateRaw } from 'node:zlib';

/** `bytes` zero bytes, DEFLATE-compressed (about 1 KB per MB). */
export function deflatedZeros(bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    deflate.on('end', () => resolve(Buffer.concat(chunks)));
    deflate.on('error', reject);
    const zeros = Buffer.alloc(1024 * 1024);
    let written = 0;
    const write = (): void => {
      while (written < bytes) {
        const part = zeros.subarray(0, Math.min(zeros.length, bytes - written));
        written += part.length;
        if (!deflate.write(part)) {
          deflate.once('drain', write);
          return;
        }
      }
      deflate.end();
    };
    write();
  });
}

export interface CraftedEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The entry's data as stored in the archive (compressed for method 8). */
  data: Uint8Array;
  /** The uncompressed size the archive claims (anything). */
  declaredSize: number;
}

/**
 * A zip archive of `entries`; `directory` lists, for each central-directory record, which entry's
 * local data it points at and under which name (default: one record per entry).
 */
export function craftZip(entries: CraftedEntry[], directory?: { entry: number; name: string }[]): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.declaredSize, 22);
    header.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    parts.push(header, name, Buffer.from(entry.data));
    offset += header.length + name.length + entry.data.length;
  }
  const records = directory ?? entries.map((entry, i) => ({ entry: i, name: entry.name }));
  const centralStart = offset;
  for (const record of records) {
    const entry = entries[record.entry]!;
    const name = Buffer.from(record.name, 'utf8');
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offsets[record.entry]!, 42);
    parts.push(header, name);
    offset += header.length + name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(offset - centralStart, 12);
  end.writeUInt32LE(centralStart, 16);
  parts.push(end);
  return new Uint8Array(Buffer.concat(parts));
}
