/**
 * Malformed collaboration frames, generated deterministically from a seed: random bytes, truncated
 * sync messages, huge varints, garbage and damaged updates, garbage awareness. Used by the fuzz test
 * (test/protocol/fuzz.test.ts, 10⁴ frames) and the fuzz benchmark (bench/scenarios/fuzz.ts, 10⁵).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

export const FUZZ_KINDS = [
  'random-bytes',
  'truncated-sync',
  'huge-varint',
  'garbage-update',
  'damaged-update',
  'garbage-awareness',
] as const;
export type FuzzKind = (typeof FUZZ_KINDS)[number];

export interface FuzzFrame {
  kind: FuzzKind;
  bytes: Uint8Array;
}

/** mulberry32: a small deterministic PRNG in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** A varint of `bytes` continuation bytes (0xff) and a final byte: far beyond 2⁵³ when long. */
function hugeVarint(e: encoding.Encoder, bytes: number): void {
  for (let i = 0; i < bytes; i++) encoding.writeUint8(e, 0xff);
  encoding.writeUint8(e, 0x7f);
}

/** Real updates of the editor content from a scratch client: the material for truncation and damage. */
function realUpdates(random: () => number): { updates: Uint8Array[]; stateVector: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = Math.floor(random() * 2 ** 31);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment('default');
  for (let i = 0; i < 8; i++) {
    doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText(`模糊测试段落 ${i}`);
      paragraph.insert(0, [text]);
      fragment.insert(fragment.length, [paragraph]);
      if (i % 3 === 0) text.format(0, 2, { bold: true });
    });
  }
  doc.transact(() => fragment.delete(0, 1));
  updates.push(Y.encodeStateAsUpdate(doc));
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  return { updates, stateVector };
}

export class FuzzFrames {
  private readonly random: () => number;
  private readonly updates: Uint8Array[];
  private readonly stateVector: Uint8Array;

  constructor(seed: number) {
    this.random = prng(seed);
    const real = realUpdates(this.random);
    this.updates = real.updates;
    this.stateVector = real.stateVector;
  }

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  private bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.int(256);
    return out;
  }

  next(): FuzzFrame {
    const kind = FUZZ_KINDS[this.int(FUZZ_KINDS.length)]!;
    return { kind, bytes: this.make(kind) };
  }

  make(kind: FuzzKind): Uint8Array {
    switch (kind) {
      case 'random-bytes':
        return this.bytes(this.int(8) === 0 ? this.int(4096) : this.int(64));
      case 'truncated-sync':
        return this.truncatedSync();
      case 'huge-varint':
        return this.hugeVarint();
      case 'garbage-update':
        return frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, this.pick([1, 2]));
          encoding.writeVarUint8Array(e, this.bytes(this.int(512)));
        });
      case 'damaged-update':
        return this.damagedUpdate();
      case 'garbage-awareness':
        return this.garbageAwareness();
    }
  }

  private truncatedSync(): Uint8Array {
    const whole =
      this.int(3) === 0
        ? frame((e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint8Array(e, this.stateVector);
          })
        : frame((e) => {
            encoding.writeVarUint(e, 0);
            encoding.writeVarUint(e, this.pick([1, 2]));
            encoding.writeVarUint8Array(e, this.pick(this.updates));
          });
    return whole.slice(0, 1 + this.int(whole.length - 1));
  }

  private hugeVarint(): Uint8Array {
    const width = 8 + this.int(12);
    switch (this.int(6)) {
      case 0: // the message type
        return frame((e) => hugeVarint(e, width));
      case 1: // the sync message type
        return frame((e) => {
          encoding.writeVarUint(e, 0);
          hugeVarint(e, width);
          encoding.writeVarUint8Array(e, this.pick(this.updates));
        });
      case 2: // a payload length far beyond the frame
        return frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, 2 ** 31 + this.int(2 ** 20));
          encoding.writeUint8Array(e, this.bytes(16));
        });
      case 3: // an update whose first count (of structs) is huge
        return frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 2);
          const inner = frame((u) => {
            hugeVarint(u, width);
            encoding.writeUint8Array(u, this.bytes(8));
          });
          encoding.writeVarUint8Array(e, inner);
        });
      case 4: // an awareness entry count
        return frame((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(
            e,
            frame((a) => {
              encoding.writeVarUint(a, this.pick([2 ** 32, 2 ** 52, 10_001]));
              encoding.writeVarUint(a, 1);
            }),
          );
        });
      default: // an awareness client id and clock, and a string length beyond the frame
        return frame((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(
            e,
            frame((a) => {
              encoding.writeVarUint(a, 1);
              hugeVarint(a, width);
              hugeVarint(a, width);
              encoding.writeVarUint(a, 2 ** 30);
              encoding.writeUint8Array(a, this.bytes(4));
            }),
          );
        });
    }
  }

  /** A real update with a few bytes changed: often still decodable, sometimes applicable. */
  private damagedUpdate(): Uint8Array {
    const damaged = Uint8Array.from(this.pick(this.updates));
    const changes = 1 + this.int(3);
    for (let i = 0; i < changes; i++) damaged[this.int(damaged.length)] = this.int(256);
    return frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, this.pick([1, 2]));
      encoding.writeVarUint8Array(e, damaged);
    });
  }

  private garbageAwareness(): Uint8Array {
    const states = [
      () => 'not json {',
      () => '[1,2,3]',
      () => '42',
      () => '"a string"',
      () => 'null',
      () =>
        `{"user":{"name":${JSON.stringify('冒名'.repeat(this.int(50)))},"color":"red"},"cursor":{"anchor":${this.int(1e9)}}}`,
      () => `{"user":"not an object","probe":${this.int(1000)}}`,
      () => `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`,
      () => JSON.stringify({ blob: 'x'.repeat(this.int(16_384)) }),
      () => String.fromCharCode(...this.bytes(this.int(64))),
    ];
    return frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(
        e,
        frame((a) => {
          const count = 1 + this.int(3);
          encoding.writeVarUint(a, count);
          for (let i = 0; i < count; i++) {
            encoding.writeVarUint(a, this.pick([0, 1, this.int(2 ** 31), 2 ** 53 - 1]));
            encoding.writeVarUint(a, this.pick([0, this.int(1000), 2 ** 53 - 1]));
            encoding.writeVarString(a, this.pick(states)());
          }
          // Sometimes trailing bytes, or a count larger than the entries written.
          if (this.int(4) === 0) encoding.writeUint8Array(a, this.bytes(1 + this.int(8)));
        }),
      );
    });
  }
}
