/**
 * Differences between two states of a document (versions, or a version and the live text), computed
 * on the server from the two Yjs states: parts matched by stable id, their text compared with jsdiff,
 * every inserted or deleted run attributed through its Yjs items to the user the stored update log
 * names (see docs/architecture.md, "Versions, differences, restore"). The comparison runs in a worker
 * thread (DiffComputer in diffWorker.ts), so that a 100-page comparison never holds up the live
 * documents; this side only gathers the states and the history and names the authors.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { DiffAuthor, DiffSide, VersionDiffView } from '@shared/api/versionDiff.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';
import { NODE } from '@shared/editor/structure/names.js';
import { CURRENT_STATE } from '@shared/validation/versions.js';
import type { DocumentGrant } from '../../access/commentAccess.js';
import type { CollabServer } from '../../collab/CollabServer.js';
import { WorkerPool } from '../../lib/WorkerPool.js';
import type { Logger } from '../../logger.js';
import type { DocumentStore, MetadataStore } from '../../storage/types.js';
import type { VersionService } from '../VersionService.js';
import { historyKey } from './changeAuthors.js';
import type { DiffJob, DiffJobResult, DiffRequest, StateInput } from './diffMessages.js';
import { LiveMemo } from './liveMemo.js';

/** How many of a document's newest versions the worker reads when its versions are listed. */
const PREPARED_VERSIONS = 2;
/** How many states sent ahead are remembered (so that they are not sent again). */
const PREPARED_KEYS = 64;

/** A difference that did not run because the server is shutting down. */
export class DiffClosed extends Error {
  constructor() {
    super('differences are closed');
  }
}

interface ResolvedSide {
  side: DiffSide;
  input: StateInput;
}

/** The table cells that indicator links (关联指标) of a document point at. */
function indicatorTargets(doc: Y.Doc): string[] {
  const targets: string[] = [];
  for (const node of doc.getXmlFragment(CONTENT_FIELD).createTreeWalker((type) => type instanceof Y.XmlElement)) {
    if (node instanceof Y.XmlElement && node.nodeName === NODE.indicatorRef) {
      const target = node.getAttribute('targetId');
      if (typeof target === 'string' && target) targets.push(target);
    }
  }
  return targets;
}

/** A live state and its key: the same content, the same key (the worker reuses its parts). */
function liveInput(doc: Y.Doc): StateInput {
  const state = Y.encodeStateAsUpdate(doc);
  return { key: `live:${createHash('sha1').update(state).digest('hex')}`, state };
}

/** Both read once per change of the live document, not once per difference. */
const liveInputs = new LiveMemo(liveInput);
const linkTargets = new LiveMemo(indicatorTargets);

export class VersionDiffService {
  private readonly pool: WorkerPool<DiffJob, DiffJobResult>;
  /** Frozen states of versions (immutable), so that a snapshot file is parsed once. */
  private readonly versionStates = new Map<string, Uint8Array>();
  /** States (versions, live states) and per document the history (by its key) the worker read ahead. */
  private readonly prepared = new Set<string>();
  private readonly preparedHistory = new Map<string, string>();

  constructor(
    private readonly store: MetadataStore,
    private readonly versions: VersionService,
    private readonly collab: () => CollabServer,
    private readonly documents: DocumentStore,
    private readonly log: Logger,
    entry: URL = new URL('./diffWorker.ts', import.meta.url),
  ) {
    // One worker: it keeps what it read (parts of versions, the attribution index) between requests.
    this.pool = new WorkerPool(log, { entry, size: 1, name: 'differences', closed: () => new DiffClosed() });
  }

  private async versionState(versionId: string): Promise<Uint8Array> {
    const cached = this.versionStates.get(versionId);
    if (cached) return cached;
    const { snapshot } = await this.versions.content(versionId);
    this.versionStates.set(versionId, snapshot.state);
    while (this.versionStates.size > 16) {
      const oldest = this.versionStates.keys().next().value;
      if (oldest === undefined) break;
      this.versionStates.delete(oldest);
    }
    return snapshot.state;
  }

  /** A side of the difference: a version of this document (404 otherwise) or the live text. */
  private async side(documentId: string, ref: string): Promise<ResolvedSide> {
    if (ref === CURRENT_STATE) {
      const input = await this.collab().readDocument(documentId, (doc) => liveInputs.get(doc));
      return { side: { versionId: null, name: '当前', createdAt: new Date().toISOString() }, input };
    }
    const version = this.versions.ofDocument(documentId, ref);
    return {
      side: { versionId: version.id, name: version.name, createdAt: version.createdAt },
      input: { key: version.id, state: await this.versionState(version.id) },
    };
  }

  /** For the drafting explanation and the report: the standard text's state; for the standard: none. */
  private async standard(grant: DocumentGrant): Promise<StateInput | null> {
    const standard = grant.project.documents.find((d) => d.kind === 'standard');
    if (!standard || standard.id === grant.documentId) return null;
    return this.collab().readDocument(standard.id, (doc) => liveInputs.get(doc));
  }

  /** The cells of this document that the project's indicator links point at. */
  private async linkedCells(grant: DocumentGrant): Promise<string[]> {
    const linked = new Set<string>();
    for (const document of grant.project.documents) {
      for (const target of await this.collab().readDocument(document.id, (doc) => linkTargets.get(doc)))
        linked.add(target);
    }
    return [...linked];
  }

  private authorViews(ids: readonly string[]): DiffAuthor[] {
    const users = this.store.collection('users');
    const organizations = this.store.collection('organizations');
    return ids.map((id) => {
      const user = users.get(id);
      return {
        id,
        name: user?.name ?? '',
        organization: (user && organizations.get(user.organizationId)?.name) ?? '',
      };
    });
  }

  async diff(grant: DocumentGrant, fromRef: string, toRef: string): Promise<VersionDiffView> {
    const { documentId } = grant;
    const document = grant.project.documents.find((d) => d.id === documentId);
    const from = await this.side(documentId, fromRef);
    const to = await this.side(documentId, toRef);
    // Changes accepted in the last moments (in the live text, or frozen in a version just made) are
    // stored first, so that they are attributed too.
    await this.collab().storePending(documentId);
    const entries = await this.documents.history(documentId);
    const request: DiffRequest = {
      documentId,
      from: from.input,
      to: to.input,
      history: { key: historyKey(entries), entries },
      standard: await this.standard(grant),
      linkedCells: document?.kind === 'standard' ? await this.linkedCells(grant) : [],
    };
    // Copied, not moved: a retry on a fresh worker (after a crash) sends the same request again.
    const result = await this.pool.run(() => ({ message: { kind: 'diff', request } }));
    if (result === null) throw new Error('the difference worker answered no difference');
    return {
      documentId,
      documentTitle: document?.title ?? '',
      from: from.side,
      to: to.side,
      parts: result.parts,
      indicators: result.indicators,
      authors: this.authorViews(result.authorIds),
      counts: result.counts,
    };
  }

  /**
   * Starts the worker ahead of the first difference (its code loads in a second or more) and has it
   * read the document's newest versions, its current state and its history: called when someone
   * opens a document's versions, from where differences are asked for. What the worker already read
   * is not sent again.
   */
  warm(documentId: string): void {
    const newest = this.versions
      .list(documentId)
      .slice(0, PREPARED_VERSIONS)
      .map((version) => version.id);
    this.prepare(documentId, newest, true);
  }

  /**
   * Has the worker read these versions (and the history as stored now) ahead of the first difference
   * that needs them: called when a version is named, and by `warm`. Never throws; the difference
   * reads what this did not.
   */
  prepare(documentId: string, versionIds: readonly string[], current = false): void {
    this.prepareJob(documentId, versionIds, current).catch((error: unknown) => {
      if (!(error instanceof DiffClosed)) this.log.warn({ err: error, documentId }, 'difference not prepared');
    });
  }

  private async prepareJob(documentId: string, versionIds: readonly string[], current: boolean): Promise<void> {
    const fresh = versionIds.filter((id) => !this.prepared.has(id));
    const states: StateInput[] = [];
    for (const id of fresh) states.push({ key: id, state: await this.versionState(id) });
    if (current) {
      const live = await this.collab().readDocument(documentId, (doc) => liveInputs.get(doc));
      if (!this.prepared.has(live.key)) {
        states.push(live);
        fresh.push(live.key);
      }
    }
    // As the difference does: changes accepted in the last moments are stored first.
    await this.collab().storePending(documentId);
    const entries = await this.documents.history(documentId);
    const key = historyKey(entries);
    const history = this.preparedHistory.get(documentId) === key ? null : { key, entries };
    if (states.length === 0 && !history) {
      await this.pool.run(() => ({ message: { kind: 'warm' } }));
      return;
    }
    await this.pool.run(() => ({ message: { kind: 'prepare', request: { documentId, states, history } } }));
    for (const key of fresh) this.prepared.add(key);
    // Only a reminder of what was sent (the worker itself keeps the last few states): bounded.
    for (const key of this.prepared) {
      if (this.prepared.size <= PREPARED_KEYS) break;
      this.prepared.delete(key);
    }
    if (history) this.preparedHistory.set(documentId, key);
  }

  /** Stops the worker; differences still queued or running reject with DiffClosed. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
