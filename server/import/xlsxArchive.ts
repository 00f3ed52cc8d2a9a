/**
 * Bounds on what an uploaded .xlsx (a zip archive) unpacks to, before the workbook reader (ExcelJS,
 * which inflates every entry whole into memory) sees it: a zip bomb — a few MB that inflate to
 * gigabytes, or many directory entries pointing at the same compressed data — is refused with a
 * clear message, in bounded memory and time.
 *
 * The sizes an entry declares are not trusted (they are what an attacker writes): every entry is
 * inflated as a stream, in small input slices, and counted as it comes out; the total stops at the
 * limit. The reader is then given a fresh archive of exactly the bytes unpacked here (stored, not
 * compressed again), so it never reads the uploaded archive itself: no difference between how this
 * check and the reader would read a crafted archive can get a bomb through.
 */
import { Inflate, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export interface ArchiveLimits {
  /** Most entries in the archive. */
  maxEntries: number;
  /** Most bytes all entries together unpack to. */
  maxUnpackedBytes: number;
}

/**
 * A consultation table unpacks to a few MB at most. The reader needs about 17 bytes of memory per
 * byte of sheet XML (measured: 16 MiB of small cells → ~280 MB), so this bound is also its memory bound.
 */
export const XLSX_LIMITS: ArchiveLimits = { maxEntries: 1000, maxUnpackedBytes: 16 * 1024 * 1024 };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes given to the inflater at a time: what one slice can unpack to is ~1 MB. */
const INFLATE_SLICE = 1024;

/** Why the archive cannot be read, in the words shown to the user. */
export class ArchiveRefused extends Error {}

const NOT_AN_XLSX = 'the file is not a readable .xlsx workbook';

class Reader {
  private readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  private check(offset: number, length: number): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + length > this.data.length)
      throw new ArchiveRefused(NOT_AN_XLSX);
  }
  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number): number {
    this.check(offset, 8);
    const value = this.view.getBigUint64(offset, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveRefused(NOT_AN_XLSX);
    return Number(value);
  }
  slice(offset: number, length: number): Uint8Array {
    this.check(offset, length);
    return this.data.subarray(offset, offset + length);
  }
}

interface CentralDirectory {
  entries: number;
  offset: number;
  /** Bytes before the archive proper (a prefixed file), by which every offset is shifted. */
  shift: number;
}

function findCentralDirectory(reader: Reader): CentralDirectory {
  const { data } = reader;
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - MAX_COMMENT); i--) {
    if (reader.u32(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ArchiveRefused(NOT_AN_XLSX);
  let entries = reader.u16(end + 10);
  let size = reader.u32(end + 12);
  let offset = reader.u32(end + 16);
  let expectedEnd = offset + size;
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the real values are in the ZIP64 end record, found through its locator.
    if (reader.u32(end - 20) !== ZIP64_END_LOCATOR) throw new ArchiveRefused(NOT_AN_XLSX);
    const zip64End = reader.u64(end - 12);
    if (reader.u32(zip64End) !== ZIP64_END_OF_CENTRAL_DIRECTORY) throw new ArchiveRefused(NOT_AN_XLSX);
    entries = reader.u64(zip64End + 32);
    size = reader.u64(zip64End + 40);
    offset = reader.u64(zip64End + 48);
    expectedEnd = offset + size + 56 + 20 + (reader.u64(zip64End + 4) - 44);
  }
  const shift = end - expectedEnd;
  if (shift < 0) throw new ArchiveRefused(NOT_AN_XLSX);
  return { entries, offset: offset + shift, shift };
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  /** Where the entry's local header is. */
  localHeader: number;
  /** Where the next central-directory entry starts. */
  next: number;
}

function readEntry(reader: Reader, at: number, shift: number): Entry {
  if (reader.u32(at) !== CENTRAL_FILE_HEADER) throw new ArchiveRefused(NOT_AN_XLSX);
  const method = reader.u16(at + 10);
  let compressedSize = reader.u32(at + 20);
  const uncompressedSize = reader.u32(at + 24);
  const nameLength = reader.u16(at + 28);
  const extraLength = reader.u16(at + 30);
  const commentLength = reader.u16(at + 32);
  let localHeader = reader.u32(at + 42);
  // ZIP64 extended information: the 64-bit values of the fields that are 0xffffffff, in this order.
  const extraStart = at + 46 + nameLength;
  for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
    const id = reader.u16(e);
    const length = reader.u16(e + 2);
    if (id === 0x0001) {
      let field = e + 4;
      if (uncompressedSize === 0xffffffff) field += 8;
      if (compressedSize === 0xffffffff) {
        compressedSize = reader.u64(field);
        field += 8;
      }
      if (localHeader === 0xffffffff) localHeader = reader.u64(field);
    }
    e += 4 + length;
  }
  return {
    name: new TextDecoder().decode(reader.slice(at + 46, nameLength)),
    method,
    compressedSize,
    localHeader: localHeader + shift,
    next: extraStart + extraLength + commentLength,
  };
}

/** The compressed bytes of an entry, located through its local header (as JSZip does). */
function entryData(reader: Reader, entry: Entry): Uint8Array {
  if (reader.u32(entry.localHeader) !== LOCAL_FILE_HEADER) throw new ArchiveRefused(NOT_AN_XLSX);
  const start = entry.localHeader + 30 + reader.u16(entry.localHeader + 26) + reader.u16(entry.localHeader + 28);
  return reader.slice(start, entry.compressedSize);
}

/** Inflates `data`; throws `tooLarge()` as soon as more than `budget` bytes would come out. */
function inflateWithin(data: Uint8Array, budget: number, tooLarge: () => ArchiveRefused): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > budget) throw tooLarge();
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let offset = 0; offset < data.length; offset += INFLATE_SLICE) {
      const end = Math.min(offset + INFLATE_SLICE, data.length);
      inflater.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    throw new ArchiveRefused(NOT_AN_XLSX); // not valid DEFLATE data
  }
  const out = new Uint8Array(produced);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Unpacks `data` within `limits` and returns the same files as a fresh archive for the workbook
 * reader; throws `ArchiveRefused` with the reason when `data` is not a readable zip archive or goes
 * over the limits. Memory and time stay bounded by the limits whatever the archive claims or holds.
 */
export function boundedArchive(data: Uint8Array, limits: ArchiveLimits = XLSX_LIMITS): Uint8Array {
  const reader = new Reader(data);
  const directory = findCentralDirectory(reader);
  if (directory.entries > limits.maxEntries)
    throw new ArchiveRefused(`the .xlsx has too many parts (${directory.entries}, at most ${limits.maxEntries})`);
  const tooLarge = (): ArchiveRefused =>
    new ArchiveRefused(`the .xlsx unpacks to more than ${limits.maxUnpackedBytes / (1024 * 1024)} MiB`);
  // No prototype: an entry named "__proto__" is a file like any other.
  const files: Zippable = Object.create(null);
  let unpacked = 0;
  let at = directory.offset;
  for (let i = 0; i < directory.entries; i++) {
    const entry = readEntry(reader, at, directory.shift);
    at = entry.next;
    const compressed = entryData(reader, entry);
    const budget = limits.maxUnpackedBytes - unpacked;
    let content: Uint8Array;
    if (entry.method === STORED) {
      if (compressed.length > budget) throw tooLarge();
      content = compressed;
    } else if (entry.method === DEFLATED) {
      content = inflateWithin(compressed, budget, tooLarge);
    } else {
      throw new ArchiveRefused(NOT_AN_XLSX);
    }
    unpacked += content.length;
    if (!entry.name.endsWith('/')) files[entry.name] = content;
  }
  return zipSync(files, { level: 0 });
}
