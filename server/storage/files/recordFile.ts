/**
 * Framing of the append-only record files: each record is `u32 length | u32 crc32 | payload`
 * (little endian). A torn or corrupt tail (crash mid-append) is detected by length or checksum and
 * reported, so the reader can truncate it; earlier records stay readable.
 */
import { crc32 } from 'node:zlib';

const HEADER = 8;

export function frameRecord(payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  out.set(payload, HEADER);
  return out;
}

export function frameRecords(payloads: Uint8Array[]): Buffer {
  return Buffer.concat(payloads.map(frameRecord));
}

export interface ParsedRecords {
  records: Uint8Array[];
  /** Byte length of the valid prefix; anything after it is a torn or corrupt tail. */
  validLength: number;
}

export function parseRecords(data: Uint8Array): ParsedRecords {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (offset + HEADER <= buf.length) {
    const length = buf.readUInt32LE(offset);
    const checksum = buf.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (end > buf.length) break;
    const payload = buf.subarray(offset + HEADER, end);
    if (crc32(payload) !== checksum) break;
    records.push(payload);
    offset = end;
  }
  return { records, validLength: offset };
}
