/**
 * One client connection on one document: applies the y-websocket protocol messages it sends,
 * enforcing read-only access and binding awareness client ids to this connection.
 */
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '@shared/collab/closeCodes.js';
import type { Logger } from '../logger.js';
import type { ConnectionContext } from './hooks.js';
import type { CollabDocument } from './CollabDocument.js';
import {
  MalformedMessage,
  awarenessMessage,
  decodeMessage,
  encodeAwarenessEntries,
  syncStep1Message,
  syncStep2Message,
} from './messages.js';
import type { AwarenessEntry, IncomingMessage } from './messages.js';

/** Default bytes queued on a socket beyond which the client is considered too slow and dropped. */
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export class CollabConnection {
  /** Awareness client ids this connection has announced (and only it may update). */
  readonly clientIds = new Set<number>();

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    readonly document: CollabDocument,
    readonly context: ConnectionContext,
    private readonly log: Logger,
    private readonly maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES,
  ) {}

  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.dropSlowConsumer();
      return;
    }
    this.socket.send(message, { binary: true });
  }

  /**
   * A client that stopped reading while others type would make its socket's queue (and the server's
   * memory) grow without bound. It is dropped at once: a close frame would queue behind the same
   * backlog, so the socket is terminated; the client reconnects and resyncs from its state vector.
   */
  private dropSlowConsumer(): void {
    this.log.warn(
      { connection: this.id, userId: this.context.user.id, bufferedBytes: this.socket.bufferedAmount },
      'dropping a client that stopped reading',
    );
    this.socket.terminate();
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /** Starts the protocol: the server's sync step 1 and the current presence. */
  start(): void {
    this.send(syncStep1Message(this.document.doc));
    const states = [...this.document.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(this.document.awareness, states));
  }

  /**
   * Handles one frame. Never throws: malformed frames close this connection only and never touch the
   * document; an update that cannot be applied closes this connection (4400), and any other failure
   * closes it with 1011 — the server and the other connections carry on.
   */
  handle(data: Uint8Array): void {
    let message: IncomingMessage;
    try {
      message = decodeMessage(data);
    } catch (error) {
      const reason = error instanceof MalformedMessage ? error.message : 'malformed message';
      this.log.warn(
        { connectionId: this.id, documentId: this.document.id, reason },
        'malformed frame; closing connection',
      );
      this.close(CloseCode.MalformedMessage, `malformed message: ${reason}`.slice(0, 120));
      return;
    }
    try {
      this.apply(message);
    } catch (error) {
      this.log.error(
        { err: error, connectionId: this.id, documentId: this.document.id, message: message.type },
        'handling a message failed; closing connection',
      );
      this.close(1011, 'internal error');
    }
  }

  private apply(message: IncomingMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        this.send(syncStep2Message(this.document.doc, message.stateVector));
        return;
      case 'sync-step-2':
      case 'update':
        this.applyUpdate(message.update);
        return;
      case 'awareness':
        this.applyAwareness(message.entries);
        return;
      case 'query-awareness':
        this.send(awarenessMessage(this.document.awareness, [...this.document.awareness.getStates().keys()]));
        return;
      case 'auth':
        return;
    }
  }

  /**
   * A client's document change. Some damaged updates pass `Y.decodeUpdate` and only fail while being
   * integrated, after part of them is already in the document. Yjs still ends the transaction and
   * emits its `update` event for whatever was integrated, with this connection as origin, so
   * CollabDocument stores and broadcasts exactly that part like any change: the stored document,
   * the server's memory and the other clients stay the same. The sender is closed as malformed.
   */
  private applyUpdate(update: Uint8Array): void {
    try {
      // A socket being closed (its access changed: a role change, texts locked by a submission) applies
      // nothing more, even frames the client sent before it heard of the close.
      if (this.context.readOnly || this.socket.readyState !== this.socket.OPEN) {
        // Never applied, stored or broadcast: the server is the guard, not the client's UI.
        if (!Y.snapshotContainsUpdate(Y.snapshot(this.document.doc), update)) {
          this.log.info(
            { connectionId: this.id, userId: this.context.user.id },
            'dropped an update from a read-only connection',
          );
        }
        return;
      }
      Y.applyUpdate(this.document.doc, update, this);
    } catch (error) {
      this.log.warn(
        { err: error, connectionId: this.id, documentId: this.document.id, userId: this.context.user.id },
        'an update could not be applied; closing connection',
      );
      this.close(CloseCode.MalformedMessage, 'malformed message: update could not be applied');
    }
  }

  /**
   * Presence: a connection may only speak for the client ids it introduced, and the identity shown to
   * others (`user.id/name/organization`) is the authenticated one, whatever the client claims.
   */
  private applyAwareness(entries: AwarenessEntry[]): void {
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (!this.clientIds.has(entry.clientId)) {
        // The server's own presence (checker results, notices) cannot be spoken for by a client.
        if (entry.clientId === this.document.awareness.clientID || this.ownedElsewhere(entry.clientId)) continue;
        // y-websocket sends back every presence it receives: a state this awareness already has (that
        // of a client on another instance, relayed through Redis) is an echo, not a client introducing
        // itself, and claiming it would keep that client's later states from being relayed here.
        const known = this.document.awareness.meta.get(entry.clientId);
        if (known && entry.clock <= known.clock) continue;
        this.clientIds.add(entry.clientId);
      }
      accepted.push({ ...entry, state: entry.state === null ? null : this.withTrueIdentity(entry.state) });
    }
    if (accepted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.document.awareness, encodeAwarenessEntries(accepted), this);
  }

  private ownedElsewhere(clientId: number): boolean {
    for (const c of this.document.connections) if (c !== this && c.clientIds.has(clientId)) return true;
    return false;
  }

  private withTrueIdentity(state: Record<string, unknown>): Record<string, unknown> {
    const claimed = state.user;
    const color =
      typeof claimed === 'object' &&
      claimed !== null &&
      'color' in claimed &&
      typeof claimed.color === 'string' &&
      /^#[0-9a-fA-F]{6}$/.test(claimed.color)
        ? claimed.color
        : '#1677ff';
    const { user } = this.context;
    return {
      ...state,
      user: {
        id: user.id,
        name: user.name,
        organization: user.organizationName,
        color,
        readOnly: this.context.readOnly,
      },
    };
  }

  /** Removes this connection's presence (on close). */
  removePresence(): void {
    if (this.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.document.awareness, [...this.clientIds], this);
    }
  }
}
