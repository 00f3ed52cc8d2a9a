/** What instances tell each other through Redis (server/redis), checked on receipt with zod. */
import { z } from 'zod';
import { PROJECT_EVENT_TYPES } from '@shared/api/events.js';
import type { ProjectEvent } from '@shared/api/events.js';

const eventTypes: ReadonlySet<string> = new Set(PROJECT_EVENT_TYPES);

/** A document's channel: updates stored by an instance, presence, and requests for presence. */
export const documentMessage = z.discriminatedUnion('kind', [
  /** Updates an instance accepted and stored (merged; base64). */
  z.object({ kind: z.literal('update'), update: z.string() }),
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
