/**
 * The drafting checker on the server: after a document loads and shortly after its content changes, it reads
 * the content, runs the declarative rules (shared/checker) and
 * - pushes the findings live to every client as the server's awareness state,
 * - stores the error/warning counts (only when they change) in `documentChecks`,
 * - announces them through the hook pipeline (`onDocumentChecked`), for progress tracking.
 * `publishDocumentCheck` is the one way counts are recorded and announced (the REST check uses it too).
 */
import type * as Y from 'yjs';
import type { DocumentKind } from '@shared/domain/project.js';
import { runChecker } from '@shared/checker/runChecker.js';
import type { CheckResult } from '@shared/checker/types.js';
import type { ServerPresenceState } from '@shared/collab/serverPresence.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import { projectOfDocument } from '../access/projectAccess.js';
import type { Logger } from '../logger.js';
import type { MetadataStore } from '../storage/types.js';
import { KeyedDebouncedTasks } from '../lib/DebouncedTask.js';
import type { DebounceTiming } from '../lib/DebouncedTask.js';
import type { CollabServer } from '../collab/CollabServer.js';
import type {
  DocumentCheckedPayload,
  DocumentPayload,
  Extension,
  OnConfigurePayload,
  UnloadPayload,
} from '../collab/hooks.js';
import { CONTENT_FIELD } from '@shared/editor/extensions.js';

export type CheckerPolicy = DebounceTiming;

/**
 * Records a check's counts in `documentChecks` (written only when they changed) and announces the
 * check to every extension through the hook pipeline (`onDocumentChecked`).
 */
export async function publishDocumentCheck(
  metadata: MetadataStore,
  collab: CollabServer,
  payload: DocumentCheckedPayload,
): Promise<void> {
  const { documentId, projectId, counts, checkedAt } = payload;
  const checks = metadata.collection('documentChecks');
  const previous = checks.get(documentId);
  if (!previous) {
    await checks.insert({ id: documentId, projectId, ...counts, checkedAt });
  } else if (previous.errors !== counts.errors || previous.warnings !== counts.warnings) {
    await checks.update(documentId, { ...counts, checkedAt });
  }
  collab.documentChecked(payload);
}

export class CheckerExtension implements Extension {
  readonly name = 'checker';
  readonly priority = 200;
  private server: CollabServer | null = null;
  /** Per document, the check waiting for edits to pause. */
  private readonly afterEdits: KeyedDebouncedTasks;

  constructor(
    private readonly metadata: MetadataStore,
    private readonly log: Logger,
    policy: CheckerPolicy = { debounceMs: 800, maxWaitMs: 3000 },
  ) {
    this.afterEdits = new KeyedDebouncedTasks(policy);
  }

  onConfigure({ server }: OnConfigurePayload): void {
    this.server = server;
  }

  async afterLoadDocument({ documentId, document }: DocumentPayload): Promise<void> {
    // Runs after the load completes, so the document is registered when the presence is set.
    setImmediate(() => void this.check(documentId, document));
    // Only changes of the editor content are checked (not other shared types of the document).
    document
      .getXmlFragment(CONTENT_FIELD)
      .observeDeep(() => this.afterEdits.schedule(documentId, () => void this.check(documentId, document)));
  }

  async afterUnloadDocument({ documentId }: UnloadPayload): Promise<void> {
    this.afterEdits.cancel(documentId);
  }

  async onDestroy(): Promise<void> {
    this.afterEdits.cancelAll();
  }

  /** Runs the checker on a document's current content (also used by the REST API). */
  static checkContent(document: Y.Doc, kind: DocumentKind): CheckResult {
    return runChecker(yDocToJSON(document), kind);
  }

  /** Runs a check in the background; it never rejects (failures are logged). */
  private async check(documentId: string, document: Y.Doc): Promise<void> {
    const project = projectOfDocument(this.metadata, documentId);
    const kind = project?.documents.find((d) => d.id === documentId)?.kind;
    if (!project || !kind) return;
    let result: CheckResult;
    try {
      result = CheckerExtension.checkContent(document, kind);
    } catch (error) {
      this.log.error({ err: error, documentId }, 'drafting checker failed');
      return;
    }
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
