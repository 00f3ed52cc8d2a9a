/** What instances tell each other through Redis (server/redis), checked on receipt with zod. */
import { z } from 'zod';
import { PROJECT_EVENT_TYPES } from '@shared/api/events.js';
import type { ProjectEvent } from '@shared/api/events.js';

const eventTypes: ReadonlySet<string> = new Set(PROJECT_EVENT_TYPES);

/**
 * A document's channel: updates an instance accepted (at once) and its confirmations that they are
 * stored, presence, and requests for presence.
 */
export const documentMessage = z.discriminatedUnion('kind', [
  /**
   * An update an instance accepted (base64), with its author and time and the instance's sequence
   * number for it (increasing), published at once, before it is stored. Sent again, addressed `to`
   * an instance that just loaded the document, while not confirmed stored; `source` is the instance
   * that accepted it when another relays it (the sender by default).
   */
  z.object({
    kind: z.literal('update'),
    update: z.string(),
    userId: z.string(),
    at: z.number(),
    seq: z.number().int().nonnegative(),
    source: z.string().optional(),
    to: z.string().optional(),
  }),
  /** The sending instance stored every update it published up to `through` (its sequence number). */
  z.object({ kind: z.literal('stored'), through: z.number().int().nonnegative() }),
  /** An instance loaded the document: the others send it what they have beyond its state vector (base64). */
  z.object({ kind: z.literal('sync'), stateVector: z.string() }),
  /** The answer to `sync`, addressed `to` the instance that asked: the sender's document beyond its state vector. */
  z.object({ kind: z.literal('state'), update: z.string(), to: z.string() }),
  /** A y-protocols awareness update of that instance's clients (base64). */
  z.object({ kind: z.literal('awareness'), update: z.string() }),
  /** An instance's client joined: the others answer with their clients' presence. */
  z.object({ kind: z.literal('query-awareness') }),
]);
export type DocumentMessage = z.infer<typeof documentMessage>;

/** The metadata channel: the records a committed change wrote. */
export const metadataMessage = z.object({
  records: z.array(z.object({ collection: z.string(), id: z.string() })).max(100_000),
});

/** The project event channel: a live project event (the SSE stream's) published on another instance. */
export const projectEventMessage = z.object({
  projectId: z.string(),
  /** Made by an instance of the same deployment: its type is checked, its fields are the sender's. */
  event: z.custom<ProjectEvent>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      'type' in value &&
      typeof value.type === 'string' &&
      eventTypes.has(value.type),
  ),
});

/** The access channel: a user's access to a project (or to all, `projectId` null) changed, or sessions ended. */
export const accessMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('access-changed'), userId: z.string(), projectId: z.string().nullable() }),
  /** `sessionId` null: every session of the user. */
  z.object({ kind: z.literal('session-ended'), userId: z.string(), sessionId: z.string().nullable() }),
]);
export type AccessMessage = z.infer<typeof accessMessage>;

export const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
