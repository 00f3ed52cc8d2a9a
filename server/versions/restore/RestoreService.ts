/**
 * Restore: the lead brings one part (a clause, a table …) or the whole document back to a version.
 * Never a rewrite of history: the version's content is applied to the live collaboration document
 * as a new change, in one server-side Yjs transaction attributed to the lead (stored in the update
 * log like any edit, broadcast to everyone at once), and recorded as a `documentRestores` entry (plus
 * the audit log's `version.restored`) that the change history shows as "恢复 5.2 至版本 启动会后".
 */
import type { DocumentRestoreView } from '@shared/api/versionDiff.js';
import type { DocumentRestore } from '@shared/domain/versions.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import { editorSchema } from '@shared/editor/schema.js';
import { computeNumbering } from '@shared/editor/structure/numbering.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import type { RestoreBody } from '@shared/validation/versions.js';
import type { DocumentGrant } from '../../access/commentAccess.js';
import { mayRestore } from '../../access/versionAccess.js';
import { newId } from '../../auth/tokens.js';
import type { CollabServer } from '../../collab/CollabServer.js';
import { Conflict, Forbidden } from '../../domain/errors.js';
import type { AuditLog } from '../../services/AuditLog.js';
import type { MetadataStore } from '../../storage/types.js';
import type { VersionService } from '../VersionService.js';
import { applyRestore } from './applyRestore.js';
import { planPartRestore } from './restorePlan.js';

const FIXED_LABELS: Record<string, string> = { cover: '封面', foreword: '前言', bibliography: '参考文献' };

function labelIn(json: ProseMirrorJSON, key: string): string | null {
  return FIXED_LABELS[key] ?? computeNumbering(json).byId[key]?.label ?? null;
}

export class RestoreService {
  constructor(
    private readonly store: MetadataStore,
    private readonly versions: VersionService,
    private readonly collab: () => CollabServer,
    private readonly audit: AuditLog,
  ) {}

  /** The grant of a caller who may restore (the lead); Forbidden for everyone else who can view. */
  authorize(grant: DocumentGrant): DocumentGrant {
    if (!mayRestore(grant.access)) throw new Forbidden('only the project lead restores versions');
    return grant;
  }

  async restore(grant: DocumentGrant, body: RestoreBody): Promise<DocumentRestoreView> {
    this.authorize(grant);
    const version = this.versions.ofDocument(grant.documentId, body.version);
    const { snapshot } = await this.versions.content(version.id);
    const clauseId = body.clauseId ?? null;
    let at = '';
    let labelBefore: string | null = null;
    let refused: unknown = null;
    await this.collab().applyServerChange(grant.documentId, grant.user.id, (doc) => {
      // Everything is decided before the first change: a refused restore changes nothing (and the
      // error leaves the transaction empty rather than escaping it).
      try {
        if (clauseId === null) {
          try {
            editorSchema().nodeFromJSON(snapshot.json).check();
          } catch {
            throw new Conflict('the version does not fit the current schema');
          }
          applyRestore(doc, { target: 'document', node: snapshot.json });
          // Timed when the change is made (its stored update is timed right after): the history
          // shows the restore on the entry holding that update.
          at = new Date().toISOString();
          return;
        }
        const live = yDocToJSON(doc);
        labelBefore = labelIn(live, clauseId);
        const plan = planPartRestore(live, snapshot.json, clauseId);
        applyRestore(doc, plan);
        at = new Date().toISOString();
      } catch (error) {
        refused = error;
      }
    });
    if (refused) throw refused;
    const clauseLabel =
      clauseId === null
        ? null
        : ((await this.collab().readDocument(grant.documentId, (doc) => labelIn(yDocToJSON(doc), clauseId))) ??
          labelBefore ??
          labelIn(snapshot.json, clauseId));
    const record: DocumentRestore = {
      id: newId('rst'),
      projectId: grant.project.id,
      documentId: grant.documentId,
      versionId: version.id,
      versionName: version.name,
      clauseId,
      clauseLabel,
      userId: grant.user.id,
      at,
    };
    await this.store.collection('documentRestores').insert(record);
    await this.audit.record(grant.project.id, grant.user.id, 'version.restored', {
      documentId: grant.documentId,
      versionId: version.id,
      name: version.name,
      clauseId,
      clauseLabel,
    });
    return this.view(record);
  }

  /** The restores of a document, newest first (what the change history shows beside the lead's change). */
  list(documentId: string): DocumentRestoreView[] {
    return this.store
      .collection('documentRestores')
      .findMany({ documentId })
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((record) => this.view(record));
  }

  view(record: DocumentRestore): DocumentRestoreView {
    const user = this.store.collection('users').get(record.userId);
    const organization = user ? this.store.collection('organizations').get(user.organizationId) : undefined;
    return {
      id: record.id,
      documentId: record.documentId,
      versionId: record.versionId,
      versionName: record.versionName,
      clauseId: record.clauseId,
      clauseLabel: record.clauseLabel,
      userId: record.userId,
      userName: user?.name ?? '',
      organizationName: organization?.name ?? '',
      at: record.at,
    };
  }
}
