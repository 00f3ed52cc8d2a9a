/**
 * The drafting checker on the server: after a document loads and shortly after its content changes, it
 * has the content checked by the declarative rules (shared/checker) in the checker's worker pool
 * (server/checker: off the event loop) — per document one check at a time, and once more after it
 * if the content changed meanwhile — and
 * - pushes the findings live to every client as the server's awareness state,
 * - stores the error/warning counts (only when they change) in `documentChecks`,
 * - announces them through the hook pipeline (`onDocumentChecked`), for progress tracking.
 * `publishDocumentCheck` is the one way counts are recorded and announced (the REST check uses it too).
 */
import type * as Y from 'yjs';
import type { CheckResult } from '@shared/checker/types.js';
import type { ServerPresenceState } from '@shared/collab/serverPresence.js';
import { projectOfDocument } from '../access/projectAccess.js';
import type { Logger } from '../logger.js';
import type { MetadataStore } from '../storage/types.js';
import { KeyedDebouncedTasks } from '../lib/DebouncedTask.js';
import type { DebounceTiming } from '../lib/DebouncedTask.js';
import { KeyedLatestRun } from '../lib/KeyedLatestRun.js';
import { CheckerClosed } from '../checker/CheckerPool.js';
import type { CheckerPool } from '../checker/CheckerPool.js';
import type { CollabServer } from '../collab/CollabServer.js';
import { publishDocumentCheck } from '../services/documentChecks.js';
import type { DocumentPayload, Extension, OnConfigurePayload, UnloadPayload } from '../collab/hooks.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

export type CheckerPolicy = DebounceTiming;

export class CheckerExtension implements Extension {
  readonly name = 'checker';
  readonly priority = 200;
  private server: CollabServer | null = null;
  /** Per document, the check waiting for edits to pause. */
  private readonly afterEdits: KeyedDebouncedTasks;
  /** Per document, the check in flight and the one to run after it. */
  private readonly checks = new KeyedLatestRun();
  private destroyed = false;

  constructor(
    private readonly metadata: MetadataStore,
    private readonly log: Logger,
    private readonly pool: CheckerPool,
    policy: CheckerPolicy = { debounceMs: 800, maxWaitMs: 3000 },
  ) {
    this.afterEdits = new KeyedDebouncedTasks(policy);
  }

  onConfigure({ server }: OnConfigurePayload): void {
    this.server = server;
  }

  async afterLoadDocument({ documentId, document }: DocumentPayload): Promise<void> {
    // Runs after the load completes, so the document is registered when the presence is set.
    setImmediate(() => this.checkSoon(documentId, document));
    // Only changes of the editor content are checked (not other shared types of the document).
    document
      .getXmlFragment(CONTENT_FIELD)
      .observeDeep(() => this.afterEdits.schedule(documentId, () => this.checkSoon(documentId, document)));
  }

  async afterUnloadDocument({ documentId }: UnloadPayload): Promise<void> {
    this.afterEdits.cancel(documentId);
    this.checks.cancel(documentId);
  }

  async onDestroy(): Promise<void> {
    this.destroyed = true;
    this.afterEdits.cancelAll();
    this.checks.cancelAll();
    await this.pool.close();
  }

  /** Checks now, or right after the check in flight (then reading the content as it is by then). */
  private checkSoon(documentId: string, document: Y.Doc): void {
    this.checks.run(documentId, () => this.check(documentId, document));
  }

  /** Runs a check in the background; it never rejects (failures are logged). */
  private async check(documentId: string, document: Y.Doc): Promise<void> {
    const project = projectOfDocument(this.metadata, documentId);
    const kind = project?.documents.find((d) => d.id === documentId)?.kind;
    if (!project || !kind || this.destroyed) return;
    let result: CheckResult;
    try {
      result = await this.pool.check(document, kind);
    } catch (error) {
      if (!(error instanceof CheckerClosed)) this.log.error({ err: error, documentId }, 'drafting checker failed');
      return;
    }
    if (this.destroyed) return;
    const checkedAt = new Date().toISOString();
    const state: ServerPresenceState = { server: true, checker: { result, checkedAt } };
    const server = this.server;
    if (!server) return;
    server.setServerPresence(documentId, { ...state });
    const counts = { errors: result.counts.errors, warnings: result.counts.warnings };
    try {
      await publishDocumentCheck(this.metadata, server, { documentId, projectId: project.id, counts, checkedAt });
    } catch (error) {
      this.log.error({ err: error, documentId }, 'drafting check counts not stored');
    }
  }
}
