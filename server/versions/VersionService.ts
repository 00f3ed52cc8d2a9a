/**
 * Document versions: frozen states of one document, made by a user (a named version) or by the
 * server (a consultation round's freeze, a submission, a publication). The state goes to the
 * snapshot store (immutable); the version record to the metadata store. History diffs, exports,
 * submissions and reviews all point to a version by its id.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { DocumentVersion, DocumentVersionView, VersionKind } from '@shared/domain/versions.js';
import type { CreateVersionBody } from '@shared/validation/versions.js';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import type { CollabServer } from '../collab/CollabServer.js';
import { newId } from '../auth/tokens.js';
import type { DocumentGrant } from '../access/commentAccess.js';
import { Forbidden, NotFound } from '../domain/errors.js';
import type { AuditLog } from '../services/AuditLog.js';
import type { ProjectEventHub } from '../realtime/ProjectEventHub.js';
import type { MetadataStore, SnapshotStore, StoredSnapshot } from '../storage/types.js';

export interface NewVersion {
  projectId: string;
  documentId: string;
  kind: VersionKind;
  name: string;
  userId: string;
  /** The foreword's drafting credits at this moment (the standard text's versions keep them). */
  draftingCredits?: DraftingCredits;
  roundId?: string;
  submissionId?: string;
}

export interface VersionContent {
  version: DocumentVersion;
  snapshot: StoredSnapshot;
}

/** SHA-256 (hex) of a Yjs state: names a state in manifests and exports of the live text. */
export function stateHash(state: Uint8Array): string {
  return createHash('sha256').update(state).digest('hex');
}

export class VersionService {
  constructor(
    private readonly store: MetadataStore,
    private readonly snapshots: SnapshotStore,
    private readonly collab: () => CollabServer,
    private readonly hub: ProjectEventHub,
    private readonly audit: AuditLog,
  ) {}

  /** Freezes the live state of a document as a new version. */
  async create(input: NewVersion): Promise<VersionContent> {
    const { state, json } = await this.collab().readDocument(input.documentId, (doc) => ({
      state: Y.encodeStateAsUpdate(doc),
      json: yDocToJSON(doc),
    }));
    const createdAt = new Date().toISOString();
    const snapshot: StoredSnapshot = {
      id: newId('snp'),
      projectId: input.projectId,
      documentId: input.documentId,
      createdAt,
      createdBy: input.userId,
      state,
      json,
      ...(input.draftingCredits ? { draftingCredits: input.draftingCredits } : {}),
    };
    await this.snapshots.save(snapshot);
    const version: DocumentVersion = {
      id: newId('ver'),
      projectId: input.projectId,
      documentId: input.documentId,
      kind: input.kind,
      name: input.name,
      createdBy: input.userId,
      createdAt,
      snapshotId: snapshot.id,
      stateHash: stateHash(state),
      ...(input.roundId ? { roundId: input.roundId } : {}),
      ...(input.submissionId ? { submissionId: input.submissionId } : {}),
    };
    await this.store.collection('documentVersions').insert(version);
    this.hub.publish(input.projectId, { type: 'versions-changed', documentId: input.documentId });
    return { version, snapshot };
  }

  /**
   * Names the current state of a document (the lead and drafters do: "启动会后", "技术研讨会定稿").
   * Recorded in the project's audit log.
   */
  async name(grant: DocumentGrant, body: CreateVersionBody): Promise<DocumentVersion> {
    if (!grant.access.canEdit) throw new Forbidden('only the lead and drafters name versions');
    const { version } = await this.create({
      projectId: grant.project.id,
      documentId: grant.documentId,
      kind: 'named',
      name: body.name,
      userId: grant.user.id,
    });
    await this.audit.record(grant.project.id, grant.user.id, 'version.named', {
      documentId: grant.documentId,
      versionId: version.id,
      name: version.name,
    });
    return version;
  }

  /** The versions of a document, newest first. */
  list(documentId: string): DocumentVersion[] {
    return this.store
      .collection('documentVersions')
      .findMany({ documentId })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  get(versionId: string): DocumentVersion | undefined {
    return this.store.collection('documentVersions').get(versionId);
  }

  /** A version of this document (NotFound for another document's version or an unknown id). */
  ofDocument(documentId: string, versionId: string): DocumentVersion {
    const version = this.get(versionId);
    if (!version || version.documentId !== documentId) throw new NotFound('version not found');
    return version;
  }

  /** The frozen state and content of a version. */
  async content(versionId: string): Promise<VersionContent> {
    const version = this.get(versionId);
    if (!version) throw new NotFound('version not found');
    const snapshot = await this.snapshots.load(version.snapshotId);
    if (!snapshot) throw new Error(`snapshot ${version.snapshotId} of version ${version.id} is missing`);
    return { version, snapshot };
  }

  view(version: DocumentVersion): DocumentVersionView {
    const user = this.store.collection('users').get(version.createdBy);
    const organization = user ? this.store.collection('organizations').get(user.organizationId) : undefined;
    return { ...version, createdByName: user?.name ?? '', createdByOrganization: organization?.name ?? '' };
  }
}
