/**
 * Exports a project document (standard text, drafting explanation, application report) as .docx:
 * the live text read through the collaboration server, or a stored version (frozen 征求意见稿,
 * 送审稿 / 报批稿 snapshots) read from the version store. A published standard (its publication
 * versions, and the live text once the publication is recorded) prints no stage label and no patent
 * notice on its cover. Each file says what it was made from: the
 * document, the version (null for the live text), the SHA-256 of the Yjs state, and when.
 *
 * Reproducible: a version is rendered with its own creation time, the live text with the day of
 * the export (China time), so the same state gives the same bytes (the same day, for live text).
 */
import * as Y from 'yjs';
import { draftingCredits } from '@shared/domain/draftingCredits.js';
import type { DraftingCredits } from '@shared/domain/draftingCredits.js';
import type { DocumentKind, Project, ProjectDocument } from '@shared/domain/project.js';
import type { ProseMirrorJSON } from '@shared/editor/json.js';
import type { StandardStage } from '@shared/editor/structure/names.js';
import { yDocToJSON } from '@shared/editor/yjsContent.js';
import type { ProjectGrant } from '../../access/projectAccess.js';
import type { CollabServer } from '../../collab/CollabServer.js';
import { NotFound } from '../../domain/errors.js';
import { chinaToday } from '../../lib/chinaDates.js';
import { memberViews } from '../../services/views.js';
import type { MetadataStore } from '../../storage/types.js';
import type { VersionService } from '../../versions/VersionService.js';
import { stateHash } from '../../versions/VersionService.js';
import { DOCUMENT_TITLES, safeName } from '../package/packageFileNames.js';
import { coverStage } from './coverData.js';
import type { DocumentExportInput } from './exportInput.js';
import type { DocumentRenderer } from './DocumentRenderer.js';

export interface DocumentExportOptions {
  /** A stored version of the document instead of the live text. */
  versionId?: string;
  /**
   * The stage printed on the cover; default: none for a published standard, else the stage on the
   * standard text's cover.
   */
  stageLabel?: StandardStage;
}

/** What an exported file was made from. */
export interface DocumentExportSource {
  documentId: string;
  /** The stored version, or null for the live text. */
  versionId: string | null;
  /** SHA-256 (hex) of the Yjs state the file was made from. */
  stateHash: string;
  /** When that state was read (live text) or frozen (a version). */
  at: string;
}

export interface PreparedExport {
  document: ProjectDocument;
  input: DocumentExportInput;
  source: DocumentExportSource;
}

export interface ExportedDocument {
  data: Uint8Array;
  /** `<standard name>-<document title>（<stage>）.docx` (`（发布版）` for a published standard) */
  fileName: string;
  document: ProjectDocument;
  source: DocumentExportSource;
}

interface DocumentText {
  json: ProseMirrorJSON;
  credits: DraftingCredits;
  source: DocumentExportSource;
  /** The submission that froze it (a version made by the stage workflow). */
  submissionId: string | null;
  /** A publication version, or the live text of a published standard. */
  published: boolean;
  generatedAt: Date;
}

/** The start of the day (China time) of `now`: the only time in a live export. */
function exportDay(now: Date): Date {
  return new Date(`${chinaToday(now.getTime())}T00:00:00+08:00`);
}

export class DocumentExportService {
  constructor(
    private readonly store: MetadataStore,
    private readonly versions: VersionService,
    private readonly collab: () => CollabServer,
    private readonly renderer: DocumentRenderer,
  ) {}

  /** The document's .docx (the caller has been granted view rights on `grant.project`). */
  async docx(grant: ProjectGrant, documentId: string, options: DocumentExportOptions = {}): Promise<ExportedDocument> {
    const { document, input, source } = await this.prepare(grant, documentId, options);
    return {
      data: await this.renderer.docx(input),
      fileName: exportFileName(grant.project, document.kind, input.stageLabel, 'docx'),
      document,
      source,
    };
  }

  /** What `renderDocumentDocx` needs for the document, and what it is made from. */
  async prepare(grant: ProjectGrant, documentId: string, options: DocumentExportOptions = {}): Promise<PreparedExport> {
    const { project } = grant;
    const document = project.documents.find((d) => d.id === documentId);
    if (!document) throw new NotFound('document not found');
    const text = options.versionId
      ? await this.version(project, documentId, options.versionId)
      : await this.live(project, documentId);
    const standardJson = document.kind === 'standard' ? text.json : await this.standardText(project, text.submissionId);
    return {
      document,
      input: {
        kind: document.kind,
        json: text.json,
        standardJson,
        project,
        stageLabel: options.stageLabel ?? (text.published ? null : coverStage(standardJson)),
        draftingCredits: text.credits,
        generatedAt: text.generatedAt,
      },
      source: text.source,
    };
  }

  private currentCredits(project: Project): DraftingCredits {
    return draftingCredits(memberViews(this.store, project.id));
  }

  private async live(project: Project, documentId: string): Promise<DocumentText> {
    const { state, json } = await this.collab().readDocument(documentId, (doc) => ({
      state: Y.encodeStateAsUpdate(doc),
      json: yDocToJSON(doc),
    }));
    const now = new Date();
    return {
      json,
      credits: this.currentCredits(project),
      source: { documentId, versionId: null, stateHash: stateHash(state), at: now.toISOString() },
      submissionId: null,
      published: this.store.collection('publications').get(project.id) !== undefined,
      generatedAt: exportDay(now),
    };
  }

  private async version(project: Project, documentId: string, versionId: string): Promise<DocumentText> {
    const version = this.versions.ofDocument(documentId, versionId);
    const { snapshot } = await this.versions.content(version.id);
    return {
      json: snapshot.json,
      // Versions frozen before the credits were kept show the drafting group as it is now.
      credits: snapshot.draftingCredits ?? this.currentCredits(project),
      source: { documentId, versionId: version.id, stateHash: version.stateHash, at: version.createdAt },
      submissionId: version.submissionId ?? null,
      published: version.kind === 'publication',
      generatedAt: new Date(version.createdAt),
    };
  }

  /**
   * The standard text the drafting explanation and the application report read their indicator
   * values and cross-references from: the version frozen by the same submission when there is one,
   * else the live text (never a stale copy).
   */
  private async standardText(project: Project, submissionId: string | null): Promise<ProseMirrorJSON> {
    const standard = project.documents.find((d) => d.kind === 'standard');
    if (!standard) return { type: 'doc', content: [] };
    const frozen = submissionId
      ? this.versions.list(standard.id).find((v) => v.submissionId === submissionId)
      : undefined;
    if (frozen) return (await this.versions.content(frozen.id)).snapshot.json;
    return this.collab().readDocument(standard.id, (doc) => yDocToJSON(doc));
  }
}

/** `<standard name>-<document title>（<stage>）.<extension>`; `（发布版）` for a published standard (null). */
export function exportFileName(
  project: Project,
  kind: DocumentKind,
  stage: StandardStage | null,
  extension: string,
): string {
  return `${safeName(project.nameZh)}-${DOCUMENT_TITLES[kind]}（${stage ?? '发布版'}）.${extension}`;
}
